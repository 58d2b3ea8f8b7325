// Exporting a trip: ask where to save, then write the file for people without Partnerdesk.
// One function per command of src-tauri/commands/export.rs, named as the command in camelCase.
import { call } from "./call";
import type { BundleDocuments } from "../bindings/BundleDocuments";
import type { Recipient } from "../bindings/Recipient";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { MissingTranslation } from "../bindings/MissingTranslation";

export function exportTrip(
  trip_id: string,
  format: ExportFormat,
  options: ExportOptions,
  title: string,
  file_name: string,
) {
  return call<string | null>("export_trip", { trip_id, format, options, title, file_name });
}

export function exportMissingTranslations(trip_id: string, format: ExportFormat, options: ExportOptions) {
  return call<MissingTranslation[]>("export_missing_translations", { trip_id, format, options });
}

export function exportBundleDocuments(trip_id: string, recipient: Recipient) {
  return call<BundleDocuments>("export_bundle_documents", { trip_id, recipient });
}
