// The partnership register: partnerships, their agreements, theme areas.
// One function per command of src-tauri/commands/partnerships.rs, named as the command in camelCase.
import { call } from "./call";
import type { Agreement } from "../bindings/Agreement";
import type { AgreementInput } from "../bindings/AgreementInput";
import type { Partnership } from "../bindings/Partnership";
import type { PartnershipInput } from "../bindings/PartnershipInput";
import type { Page } from "../bindings/Page";
import type { PartnershipQuery } from "../bindings/PartnershipQuery";
import type { ThemeArea } from "../bindings/ThemeArea";

export function listPartnerships(query: PartnershipQuery) {
  return call<Page<Partnership>>("list_partnerships", { query });
}

export function getPartnership(id: string) {
  return call<Partnership>("get_partnership", { id });
}

export function createPartnership(input: PartnershipInput) {
  return call<Partnership>("create_partnership", { input });
}

export function updatePartnership(id: string, input: PartnershipInput) {
  return call<Partnership>("update_partnership", { id, input });
}

export function deletePartnership(id: string) {
  return call<null>("delete_partnership", { id });
}

export function restorePartnership(id: string) {
  return call<Partnership>("restore_partnership", { id });
}

export function listAgreements(partnership_id: string) {
  return call<Agreement[]>("list_agreements", { partnership_id });
}

export function addAgreement(partnership_id: string, input: AgreementInput) {
  return call<Agreement>("add_agreement", { partnership_id, input });
}

export function updateAgreement(id: string, input: AgreementInput) {
  return call<Agreement>("update_agreement", { id, input });
}

export function removeAgreement(id: string) {
  return call<null>("remove_agreement", { id });
}

export function restoreAgreement(id: string) {
  return call<Agreement>("restore_agreement", { id });
}

export function listThemes() {
  return call<ThemeArea[]>("list_themes");
}

export function addTheme(name: string) {
  return call<ThemeArea>("add_theme", { name });
}

export function renameTheme(id: string, name: string) {
  return call<ThemeArea>("rename_theme", { id, name });
}
