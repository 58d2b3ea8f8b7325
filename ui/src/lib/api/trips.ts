// Trips: list, edit, duplicate, trash.
// One function per command of src-tauri/commands/trips.rs, named as the command in camelCase.
import { call } from "./call";
import type { DuplicateOptions } from "../bindings/DuplicateOptions";
import type { Trip } from "../bindings/Trip";
import type { TripInput } from "../bindings/TripInput";
import type { Page } from "../bindings/Page";
import type { TripQuery } from "../bindings/TripQuery";

export function listTrips(query: TripQuery) {
  return call<Page<Trip>>("list_trips", { query });
}

export function getTrip(id: string) {
  return call<Trip>("get_trip", { id });
}

export function createTrip(input: TripInput) {
  return call<Trip>("create_trip", { input });
}

export function updateTrip(id: string, input: TripInput) {
  return call<Trip>("update_trip", { id, input });
}

export function duplicateTrip(id: string, options: DuplicateOptions) {
  return call<Trip>("duplicate_trip", { id, options });
}

export function deleteTrip(id: string) {
  return call<null>("delete_trip", { id });
}

export function restoreTrip(id: string) {
  return call<Trip>("restore_trip", { id });
}
