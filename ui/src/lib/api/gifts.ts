// The gifts register: list, record, edit, trash.
// One function per command of src-tauri/commands/gifts.rs, named as the command in camelCase.
import { call } from "./call";
import type { Gift } from "../bindings/Gift";
import type { GiftInput } from "../bindings/GiftInput";
import type { GiftPage } from "../bindings/GiftPage";
import type { GiftQuery } from "../bindings/GiftQuery";

export function listGifts(query: GiftQuery) {
  return call<GiftPage>("list_gifts", { query });
}

export function giftYears() {
  return call<number[]>("gift_years");
}

export function createGift(trip_id: string, input: GiftInput) {
  return call<Gift>("create_gift", { trip_id, input });
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
