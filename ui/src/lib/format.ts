// Dates and times as a German (or British) office writes them.
import { language, locale } from "./i18n.svelte";

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** "Mittwoch, 21. Oktober 2026" */
export function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat(locale(), {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  }).format(utcDate(isoDate));
}

/** "21.10.2026" */
export function shortDate(isoDate: string): string {
  return new Intl.DateTimeFormat(locale(), {
    day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC",
  }).format(utcDate(isoDate));
}

/** "21.10.–27.10.2026" */
export function dateRange(start: string, end: string): string {
  if (start === end) return shortDate(start);
  const format = new Intl.DateTimeFormat(locale(), {
    day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC",
  });
  return format.formatRange(utcDate(start), utcDate(end));
}

/** A stored instant (RFC 3339) in the user's locale and own clock. */
export function instant(utc: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(utc));
}

/** The day of a stored instant on the user's own clock: "21.11.2026". */
export function instantDate(utc: string): string {
  return new Intl.DateTimeFormat(locale(), { day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(utc));
}

/** "HH:MM" of a local wall time "YYYY-MM-DDTHH:MM". */
export function clock(local: string): string {
  return local.slice(11, 16);
}

export function datePart(local: string): string {
  return local.slice(0, 10);
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  const date = utcDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const germanAbbreviations: Record<string, string> = { CET: "MEZ", CEST: "MESZ" };

/** Zone abbreviations as German readers know them (MEZ/MESZ); others stay as they are. */
export function zoneLabel(abbreviation: string): string {
  if (language() === "de") return germanAbbreviations[abbreviation] ?? abbreviation;
  return abbreviation;
}

/** Reads "21.10.2026", "21.10.26" or "2026-10-21"; null when it is not a date. */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [year, month, day] = [+iso[1], +iso[2], +iso[3]];
  else if (german) [day, month, year] = [+german[1], +german[2], german[3].length === 2 ? 2000 + +german[3] : +german[3]];
  else if (british) [day, month, year] = [+british[1], +british[2], +british[3]];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Reads "9:30", "09:30" or "9.30"; null when it is not a time of day. */
export function parseTimeInput(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [+match[1], +match[2]];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${match[2]}`;
}

/** "1,4 MB", "820 kB", "12 Byte" */
export function fileSize(bytes: number): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : bytes >= 1_000 ? [bytes / 1_000, "kilobyte"] : [bytes, "byte"];
  return new Intl.NumberFormat(locale(), { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/** A file name every system accepts: characters Windows forbids become "-". */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, "-");
}
