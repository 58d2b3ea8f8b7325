// Importing: the user picks a file in the system dialog; then its preview, and applying it.
// One function per command of src-tauri/commands/import.rs, named as the command in camelCase.
import { call } from "./call";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportSummary } from "../bindings/ImportSummary";

export function chooseImportFile(title: string) {
  return call<string | null>("choose_import_file", { title });
}

export function previewImport(options: ImportOptions) {
  return call<ImportPreview>("preview_import", { options });
}

export function applyImport(options: ImportOptions) {
  return call<ImportSummary>("apply_import", { options });
}
