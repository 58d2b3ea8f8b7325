// Documents attached to a record: listing, adding (dialog or dropped files), changing, opening.
// One function per command of src-tauri/commands/documents.rs, named as the command in camelCase.
import { call } from "./call";
import type { Document } from "../bindings/Document";
import type { DocumentInput } from "../bindings/DocumentInput";
import type { DocumentOwner } from "../bindings/DocumentOwner";

export function listDocuments(owner: DocumentOwner) {
  return call<Document[]>("list_documents", { owner });
}

/** Opens the system's file dialog; resolves to an empty list when the user cancels. */
export function attachDocuments(owner: DocumentOwner, title: string) {
  return call<Document[]>("attach_documents", { owner, title });
}

export function attachDroppedDocuments(owner: DocumentOwner, paths: string[]) {
  return call<Document[]>("attach_dropped_documents", { owner, paths });
}

export function updateDocument(id: string, input: DocumentInput) {
  return call<Document>("update_document", { id, input });
}

export function deleteDocument(id: string) {
  return call<null>("delete_document", { id });
}

export function restoreDocument(id: string) {
  return call<Document>("restore_document", { id });
}

export function openDocument(id: string) {
  return call<null>("open_document", { id });
}

/** Opens the system's save dialog; resolves to false when the user cancels. */
export function saveDocumentCopy(id: string, title: string) {
  return call<boolean>("save_document_copy", { id, title });
}
