// The office-wide search. One function per command of src-tauri/commands/search.rs, named as
// the command in camelCase.
import { call } from "./call";
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchKind } from "../bindings/SearchKind";

export function search(query: string, kind: SearchKind | null = null) {
  return call<SearchHit[]>("search", { query, kind });
}
