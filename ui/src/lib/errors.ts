// Turns command failures into messages beside the fields they concern.
import { ApiError } from "./api/call";
import type { FieldError } from "./bindings/FieldError";
import { t, type MessageKey } from "./i18n.svelte";

export function fieldMessage(error: FieldError): string {
  const key = `error.${error.code}` as MessageKey;
  const text = t(key);
  return text === key ? error.message : t(key, error.values as Record<string, string>);
}

/** Field name → message, for the fields a failed command names. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.payload.fields.map((field) => [field.field, fieldMessage(field)]));
}

/** The raw field errors, for fields that offer choices (an ambiguous time). */
export function fieldDetails(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.payload.fields : [];
}

/** A sentence for errors that concern no single field. */
export function generalMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.payload.kind === "not_found") return t("error.not_found");
    if (error.payload.kind === "office_key") return t("error.office_key");
    if (error.payload.kind === "disk_full") return t("error.disk_full");
    if (error.payload.kind === "validation") return error.payload.fields.map(fieldMessage).join(" ");
    return t("error.generic", { message: error.payload.message });
  }
  return t("error.generic", { message: String(error) });
}
