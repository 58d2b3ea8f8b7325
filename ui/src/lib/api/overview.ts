// The first screen and the year view. One function per command of
// src-tauri/commands/overview.rs, named as the command in camelCase.
import { call } from "./call";
import type { Overview } from "../bindings/Overview";
import type { TripYear } from "../bindings/TripYear";

export function overview() {
  return call<Overview>("overview");
}

export function tripYear(year: number | null) {
  return call<TripYear>("trip_year", { year });
}
