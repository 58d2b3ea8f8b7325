// A trip's programme on a CalDAV calendar.
// One function per command of src-tauri/commands/publishing.rs, named as the command in camelCase.
import { call } from "./call";
import type { CalendarAccount } from "../bindings/CalendarAccount";
import type { CalendarAccountState } from "../bindings/CalendarAccountState";
import type { Published } from "../bindings/Published";

export function lastCalendarAccount() {
  return call<CalendarAccountState>("last_calendar_account");
}

/** An empty password takes the one kept in the system keychain. */
export function publishCalendar(trip_id: string, member_id: string | null, account: CalendarAccount, password: string, remember: boolean) {
  return call<Published>("publish_calendar", { trip_id, member_id, account, password, remember });
}
