// A trip's programme: the day list and its items, and times previewed in their zone.
// One function per command of src-tauri/commands/programme.rs, named as the command in camelCase.
import { call } from "./call";
import type { RegisterRef } from "../bindings/RegisterRef";
import type { Fold } from "../bindings/Fold";
import type { ItemInput } from "../bindings/ItemInput";
import type { ProgrammeItem } from "../bindings/ProgrammeItem";
import type { ProgrammeView } from "../bindings/ProgrammeView";
import type { ZonedTime } from "../bindings/ZonedTime";

export function previewTime(local: string, zone: string, fold: Fold | null) {
  return call<ZonedTime>("preview_time", { local, zone, fold });
}

export function programmeView(trip_id: string) {
  return call<ProgrammeView>("programme_view", { trip_id });
}

export function getItem(id: string) {
  return call<ProgrammeItem>("get_item", { id });
}

export function addItem(trip_id: string, input: ItemInput) {
  return call<ProgrammeItem>("add_item", { trip_id, input });
}

export function setItemGuests(id: string, guests: RegisterRef[]) {
  return call<ProgrammeItem>("set_item_guests", { id, guests });
}

export function updateItem(id: string, input: ItemInput) {
  return call<ProgrammeItem>("update_item", { id, input });
}

export function removeItem(id: string) {
  return call<null>("remove_item", { id });
}

export function restoreItem(id: string) {
  return call<ProgrammeItem>("restore_item", { id });
}
