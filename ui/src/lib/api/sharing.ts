// Sharing with the office's other laptops through a shared folder, and the conflict list.
// One function per command of src-tauri/commands/sharing.rs, named as the command in camelCase.
import { call } from "./call";
import type { Compaction } from "../bindings/Compaction";
import type { Conflict } from "../bindings/Conflict";
import type { Page } from "../bindings/Page";
import type { PartnerOffice } from "../bindings/PartnerOffice";
import type { PartnerOfficeInput } from "../bindings/PartnerOfficeInput";
import type { SharedWith } from "../bindings/SharedWith";
import type { ShareInput } from "../bindings/ShareInput";
import type { PageRequest } from "../bindings/PageRequest";
import type { SharingInput } from "../bindings/SharingInput";
import type { SharingStatus } from "../bindings/SharingStatus";
import type { SyncSummary } from "../bindings/SyncSummary";

export function sharingStatus() {
  return call<SharingStatus>("sharing_status");
}

/** The folder picked in the system's dialog; null when the user cancels. */
export function chooseSharingFolder(title: string) {
  return call<string | null>("choose_sharing_folder", { title });
}

export function turnOnSharing(input: SharingInput) {
  return call<SharingStatus>("turn_on_sharing", { input });
}

export function turnOffSharing() {
  return call<null>("turn_off_sharing");
}

export function syncNow() {
  return call<SyncSummary>("sync_now");
}

export function compactSharingFolder() {
  return call<Compaction>("compact_sharing_folder");
}

export function listConflicts(page: PageRequest) {
  return call<Page<Conflict>>("list_conflicts", { page });
}

export function keepLostValue(id: string) {
  return call<null>("keep_lost_value", { id });
}

export function dismissConflict(id: string) {
  return call<null>("dismiss_conflict", { id });
}

export function listPartnerOffices() {
  return call<PartnerOffice[]>("list_partner_offices");
}

export function linkPartnerOffice(input: PartnerOfficeInput) {
  return call<PartnerOffice>("link_partner_office", { input });
}

export function unlinkPartnerOffice(id: string) {
  return call<null>("unlink_partner_office", { id });
}

/** The partner offices with whether the trip (or the partnership) is shared with each. */
export function partnerOfficesSharing(record: { trip_id: string } | { partnership_id: string }) {
  return call<SharedWith[]>("partner_offices_sharing", { trip_id: null, partnership_id: null, ...record });
}

export function shareWithPartnerOffice(input: ShareInput) {
  return call<null>("share_with_partner_office", { input });
}
