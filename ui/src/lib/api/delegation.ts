// A trip's delegation: members, their details and their order of precedence.
// One function per command of src-tauri/commands/delegation.rs, named as the command in camelCase.
import { call } from "./call";
import type { Member } from "../bindings/Member";
import type { MemberDetail } from "../bindings/MemberDetail";
import type { MemberInput } from "../bindings/MemberInput";

export function listMembers(trip_id: string) {
  return call<Member[]>("list_members", { trip_id });
}

export function getMember(id: string) {
  return call<MemberDetail>("get_member", { id });
}

export function addMember(trip_id: string, input: MemberInput) {
  return call<MemberDetail>("add_member", { trip_id, input });
}

export function updateMember(id: string, input: MemberInput) {
  return call<MemberDetail>("update_member", { id, input });
}

export function removeMember(id: string) {
  return call<null>("remove_member", { id });
}

export function restoreMember(id: string) {
  return call<MemberDetail>("restore_member", { id });
}

export function setMemberOrder(trip_id: string, ordered_ids: string[]) {
  return call<Member[]>("set_member_order", { trip_id, ordered_ids });
}
