// The overview is the first screen. On the example data it shows the next trip with the days to
// go and the overdue tasks, each opening where the work is done; a trip under way shows today's
// and tomorrow's programme in local time with home time beside it, and an item opens its trip at
// that item; the year view draws a year's trips, turns the year and opens a trip.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, screenshot, textOf, texts } from "../app.mjs";

const TO_LUZHOU = "Delegationsreise nach Luzhou";
const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");
const VISIT = "Arbeitsbesuch Berufsbildung in Jinhua";

/** The date in `zone` today, shifted by `days`, as YYYY-MM-DD. */
function dateIn(zone, days = 0) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const german = (iso) => iso.split("-").reverse().join(".");
const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

test("the overview shows what is next and what is under way, and the year view every trip of a year", async () => {
  const data = freshDataDir();
  await cli(data.db, "demo");
  const app = await launch(data, "overview");
  try {
    const { browser } = app;
    const berlinToday = dateIn("Europe/Berlin");

    // The next trip of the example data, with the days to go.
    const next = await eventually(async () => {
      const titles = await texts(browser, '[data-testid="next-trip"] .title');
      return titles.length > 0 && titles;
    }, { message: "the next trips", timeout: 15000 });
    assert.equal(next[0], TO_LUZHOU);
    const [daysToGo] = await texts(browser, '[data-testid="days-to-go"]');
    assert.equal(daysToGo, `in ${daysBetween(berlinToday, "2027-05-10")} Tagen`);
    const overdue = await texts(browser, '[data-testid="overdue-tasks"] .title');
    assert.ok(overdue.length > 0, "the example data has overdue follow-up tasks");
    assert.ok((await texts(browser, '[data-testid="recent-changes"] li')).length > 0, "the last changes");
    await screenshot(browser, "overview");
    const [firstOverdue] = await browser.$$('[data-testid="overdue-tasks"] .title');
    await firstOverdue.click();
    assert.equal(await textOf(browser, "task-title"), overdue[0]);

    // A trip under way: today and tomorrow where the trip is, with home time beside each item.
    await click(browser, "nav-trips");
    await click(browser, "new-trip");
    await fill(browser, "#trip-title", VISIT);
    await fill(browser, "#trip-partner-place", "Jinhua");
    await fill(browser, "#trip-partner-country", "China");
    await fill(browser, "#trip-start", german(dateIn("Europe/Berlin", -1)));
    await fill(browser, "#trip-end", german(dateIn("Europe/Berlin", 2)));
    await fill(browser, "#trip-time-zone", "Asia/Shanghai");
    await click(browser, "trip-save");
    assert.equal(await textOf(browser, "trip-title"), VISIT);
    const trip = (await listJson(data.db, "trips")).find((candidate) => candidate.title === VISIT);
    const localToday = dateIn("Asia/Shanghai");
    const compact = (iso) => iso.replaceAll("-", "");
    const calendar = join(data.home, "besuch.ics");
    writeFileSync(calendar, [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partnerdesk e2e//DE",
      "BEGIN:VEVENT", "UID:overview-1@e2e", "SUMMARY:Besuch der Berufsschule",
      `DTSTART;TZID=Asia/Shanghai:${compact(localToday)}T100000`, `DTEND;TZID=Asia/Shanghai:${compact(localToday)}T113000`,
      "LOCATION:Berufsschule Jinhua", "END:VEVENT",
      "BEGIN:VEVENT", "UID:overview-2@e2e", "SUMMARY:Unterzeichnung der Absichtserklärung",
      `DTSTART;TZID=Asia/Shanghai:${compact(dateIn("Asia/Shanghai", 1))}T150000`, `DTEND;TZID=Asia/Shanghai:${compact(dateIn("Asia/Shanghai", 1))}T160000`,
      "END:VEVENT", "END:VCALENDAR", "",
    ].join("\r\n"));
    await cli(data.db, "import", calendar, "--trip", trip.id);

    await click(browser, "nav-overview");
    const underWay = await byTestId(browser, "under-way");
    const dayNumber = daysBetween(trip.start_date, localToday) + 1;
    await eventually(async () => (await underWay.getText()).includes(`Tag ${dayNumber} von 4`), { message: "the day of the trip" });
    const days = await texts(browser, '[data-testid="under-way-day"]');
    assert.ok(days[0].startsWith("Heute"), days[0]);
    assert.ok(days[0].includes("Besuch der Berufsschule"), days[0]);
    const homeClock = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" })
      .format(new Date(`${localToday}T02:00:00Z`));
    assert.ok(days[0].includes("10:00") && days[0].includes(homeClock), `local 10:00 and home ${homeClock}: ${days[0]}`);
    if (dateIn("Asia/Shanghai", 1) <= trip.end_date) {
      assert.ok(days[1].startsWith("Morgen") && days[1].includes("Unterzeichnung der Absichtserklärung"), days[1]);
    }
    copyFileSync(await screenshot(browser, "overview-under-way"), join(docs, "overview.png"));
    const [item] = await browser.$$('[data-testid="under-way-day"] .title');
    await item.click();
    await eventually(async () => {
      const sought = await browser.$('[data-testid="programme-item"].sought');
      return (await sought.isExisting()) && (await sought.getText()).includes("Besuch der Berufsschule");
    }, { message: "the programme with the item shown" });

    // The year view: the example trips of 2026, then 2027 by keyboard, and a bar opens its trip.
    await click(browser, "nav-overview");
    await click(browser, "open-year");
    assert.equal(await textOf(browser, "year-shown"), berlinToday.slice(0, 4));
    const trips = await listJson(data.db, "trips");
    const chip = await eventually(async () => {
      for (const candidate of await browser.$$(".years .chip")) {
        if ((await candidate.getText()).startsWith("2026")) return candidate;
      }
      return null;
    }, { message: "the chip of 2026" });
    await chip.click();
    const of2026 = trips.filter((candidate) => candidate.start_date <= "2026-12-31" && candidate.end_date >= "2026-01-01");
    await eventually(async () => (await textOf(browser, "year-shown")) === "2026", { message: "2026 shown" });
    await eventually(async () => (await browser.$$('[data-testid="year-trip"]')).length === of2026.length, { message: `${of2026.length} trips in 2026` });
    assert.ok((await textOf(browser, "year-incoming")).startsWith("Delegationen zu Gast"));
    copyFileSync(await screenshot(browser, "year-view"), join(docs, "year-view.png"));
    await browser.keys(["Alt", "ArrowRight"]);
    await eventually(async () => (await textOf(browser, "year-shown")) === "2027", { message: "Alt+→ turns to 2027" });
    const bar = await eventually(async () => {
      for (const candidate of await browser.$$('[data-testid="year-trip"]')) {
        if ((await candidate.getAttribute("aria-label")).startsWith(TO_LUZHOU)) return candidate;
      }
      return null;
    }, { message: "the Luzhou trip in 2027" });
    await bar.click();
    assert.equal(await textOf(browser, "trip-title"), TO_LUZHOU);
  } finally {
    await app.close();
  }
});
