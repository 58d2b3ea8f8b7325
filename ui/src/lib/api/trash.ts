// The trash: what it holds, and emptying it.
// One function per command of src-tauri/commands/trash.rs, named as the command in camelCase.
import { call } from "./call";
import type { TrashContents } from "../bindings/TrashContents";

export function listTrash() {
  return call<TrashContents>("list_trash");
}

export function emptyTrash() {
  return call<number>("empty_trash");
}
