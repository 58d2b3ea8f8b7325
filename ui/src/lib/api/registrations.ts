// An outgoing trip opened to participants: its invitation list, and confirming a registration
// into the delegation. One function per command of src-tauri/commands/registrations.rs, named
// as the command in camelCase.
import { call } from "./call";
import type { Invitation } from "../bindings/Invitation";
import type { InvitationInput } from "../bindings/InvitationInput";
import type { Registration } from "../bindings/Registration";
import type { RegistrationInput } from "../bindings/RegistrationInput";
import type { RegistrationStatus } from "../bindings/RegistrationStatus";
import type { TripRegistrations } from "../bindings/TripRegistrations";

export function tripRegistrations(trip_id: string) {
  return call<TripRegistrations>("trip_registrations", { trip_id });
}

export function openRegistration(trip_id: string, input: InvitationInput) {
  return call<Invitation>("open_registration", { trip_id, input });
}

export function createRegistration(trip_id: string, input: RegistrationInput) {
  return call<Registration>("create_registration", { trip_id, input });
}

export function updateRegistration(id: string, input: RegistrationInput) {
  return call<Registration>("update_registration", { id, input });
}

export function setRegistrationStatus(id: string, status: RegistrationStatus) {
  return call<Registration>("set_registration_status", { id, status });
}

export function deleteRegistration(id: string) {
  return call<null>("delete_registration", { id });
}

export function restoreRegistration(id: string) {
  return call<Registration>("restore_registration", { id });
}
