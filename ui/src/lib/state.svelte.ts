// App-wide state: where the user is, the settings, the zone list and passing notices.
import type { Settings } from "./bindings/Settings";

export type TripTab = "programme" | "delegation" | "registrations" | "checklist" | "tasks" | "costs" | "gifts" | "details";
export type Route =
  | { name: "overview" }
  | { name: "year"; year?: number }
  | { name: "trips" }
  /** `item`: the programme item to show, on its day. */
  | { name: "trip"; id: string; tab: TripTab; item?: string }
  | { name: "partnerships" }
  | { name: "partnership"; id: string }
  | { name: "projects" }
  | { name: "project"; id: string }
  | { name: "people" }
  | { name: "person"; id: string }
  | { name: "organisations" }
  | { name: "organisation"; id: string }
  | { name: "tasks" }
  | { name: "task"; id: string }
  | { name: "gifts" }
  | { name: "report" }
  | { name: "trash" }
  | { name: "conflicts" }
  | { name: "settings" };

export interface Notice {
  id: number;
  text: string;
  tone: "info" | "error";
  action?: { label: string; run: () => void };
}

export const app = $state({
  route: { name: "overview" } as Route,
  settings: { language: "de", home_zone: "Europe/Berlin", min_transfer_minutes: 30, reminders: true, me: null, erase_travel_documents_after_days: 90 } as Settings,
  zones: [] as string[],
  notices: [] as Notice[],
  /** Bumped whenever trips change, so that lists reload. */
  revision: 0,
  /** Set by the "New trip" menu entry and the overview; the trip list opens its form and clears it. */
  newTripRequested: 0,
});

export function go(route: Route) {
  app.route = route;
}

let nextNotice = 1;

export function notify(text: string, tone: Notice["tone"] = "info", action?: Notice["action"]) {
  const notice: Notice = { id: nextNotice++, text, tone, action };
  // A repeated message replaces the one still showing instead of stacking up.
  app.notices = [...app.notices.filter((shown) => shown.text !== text), notice];
  setTimeout(() => dismiss(notice.id), action ? 8000 : 4000);
}

export function dismiss(id: number) {
  app.notices = app.notices.filter((notice) => notice.id !== id);
}

export function changed() {
  app.revision += 1;
}

/** Bumped each minute, so that what depends on the date and time (overdue tasks, days to go,
 *  today's programme) turns over while the window stays open. */
export const everyMinute = $state({ count: 0 });
setInterval(() => (everyMinute.count += 1), 60_000);
