// The overview's data asked for as soon as the database is open, beside the settings, so that
// the first screen does not wait for one round trip after another.
import { overview } from "../../lib/api/overview";
import type { Overview } from "../../lib/bindings/Overview";

let early: Promise<Overview> | null = null;

export function prefetchOverview() {
  early = overview();
  // Whoever takes it hears of a failure; until then it is not unhandled.
  early.catch(() => {});
}

/** The prefetched overview the first time, a fresh one after that. */
export function loadOverview(): Promise<Overview> {
  const loaded = early ?? overview();
  early = null;
  return loaded;
}
