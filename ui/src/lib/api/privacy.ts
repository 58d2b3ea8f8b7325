// Travel documents due for erasure, and a person's data handed out or erased on request.
// One function per command of src-tauri/commands/privacy.rs, named as the command in camelCase.
import { call } from "./call";
import type { DueErasure } from "../bindings/DueErasure";

export function dueErasures() {
  return call<DueErasure[]>("due_erasures");
}

/** Erases what `dueErasures` lists; resolves to how many members' fields were erased. */
export function eraseDue() {
  return call<number>("erase_due");
}

/** Opens the system's save dialog; resolves to the path written, or null when the user cancels. */
export function exportPersonData(person_id: string, title: string, file_name: string) {
  return call<string | null>("export_person_data", { person_id, title, file_name });
}

export function erasePerson(person_id: string) {
  return call<null>("erase_person", { person_id });
}
