// The gifts register: list, record, edit, trash; the office's gift rules and the public list.
// One function per command of src-tauri/commands/gifts.rs, named as the command in camelCase.
import { call } from "./call";
import type { Gift } from "../bindings/Gift";
import type { GiftInput } from "../bindings/GiftInput";
import type { GiftPage } from "../bindings/GiftPage";
import type { GiftQuery } from "../bindings/GiftQuery";
import type { GiftRules } from "../bindings/GiftRules";
import type { PublicListFormat } from "../bindings/PublicListFormat";
import type { GiftRulesInput } from "../bindings/GiftRulesInput";

export function listGifts(query: GiftQuery) {
  return call<GiftPage>("list_gifts", { query });
}

export function giftYears() {
  return call<number[]>("gift_years");
}

export function createGift(trip_id: string, input: GiftInput) {
  return call<Gift>("create_gift", { trip_id, input });
}

export function createGiftWithoutTrip(input: GiftInput) {
  return call<Gift>("create_gift_without_trip", { input });
}

export function updateGift(id: string, input: GiftInput) {
  return call<Gift>("update_gift", { id, input });
}

export function deleteGift(id: string) {
  return call<null>("delete_gift", { id });
}

export function restoreGift(id: string) {
  return call<Gift>("restore_gift", { id });
}

export function giftRules() {
  return call<GiftRules>("gift_rules");
}

export function updateGiftRules(input: GiftRulesInput) {
  return call<GiftRules>("update_gift_rules", { input });
}

export function exportPublicGifts(year: number, format: PublicListFormat, title: string, file_name: string) {
  return call<string | null>("export_public_gifts", { year, format, title, file_name });
}
