// Journey 1: create a trip, edit it, duplicate it, delete it and restore it from the trash.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, choose, click, eventually, expectTexts, fill, freshDataDir, launch, listJson, openTrip, screenshot, skipWelcome, textOf, texts } from "../app.mjs";

test("an officer plans, edits, duplicates, deletes and restores a trip", async () => {
  const dir = freshDataDir();
  const { browser, close } = await launch(dir, "trips");
  try {
    await skipWelcome(browser);
    // The empty overview offers the first trip.
    await click(browser, "overview-new-trip");

    // Bad input: each problem is named at its field, and nothing is saved.
    await fill(browser, "#trip-title", "x");
    await fill(browser, "#trip-title", "");
    await fill(browser, "#trip-start", "24.10.2026");
    await fill(browser, "#trip-end", "20.10.2026");
    await fill(browser, "#trip-time-zone", "Asia/Jinhua");
    await click(browser, "trip-save");
    assert.match(await textOf(browser, "error-trip-title"), /Bitte ausfüllen/);
    assert.match(await textOf(browser, "error-trip-end"), /Ende liegt vor dem Beginn/);
    assert.match(await textOf(browser, "error-trip-time-zone"), /Unbekannte Zeitzone/);
    await screenshot(browser, "trip-form-errors");
    assert.deepEqual(await listJson(dir.db, "trips"), []);

    await fill(browser, "#trip-title", "Delegationsreise nach Jinhua");
    await fill(browser, "#trip-partner-place", "Jinhua");
    await fill(browser, "#trip-partner-country", "China");
    await fill(browser, "#trip-start", "21.10.2026");
    await fill(browser, "#trip-end", "27.10.2026");
    await fill(browser, "#trip-time-zone", "Asia/Shanghai");
    await click(browser, "trip-save");
    assert.equal(await textOf(browser, "trip-title"), "Delegationsreise nach Jinhua");
    let [stored] = await listJson(dir.db, "trips");
    assert.deepEqual(
      [stored.direction, stored.partner_place, stored.time_zone, stored.start_date, stored.end_date, stored.status],
      ["outgoing", "Jinhua", "Asia/Shanghai", "2026-10-21", "2026-10-27", "planning"],
    );

    // Edit.
    await click(browser, "trip-edit");
    await fill(browser, "#trip-title", "Delegationsreise nach Jinhua 2026");
    await choose(browser, "#trip-status", "confirmed");
    await click(browser, "trip-save");
    await eventually(async () => (await textOf(browser, "trip-title")) === "Delegationsreise nach Jinhua 2026", { message: "new title" });
    [stored] = await listJson(dir.db, "trips");
    assert.equal(stored.status, "confirmed");

    // Duplicate: "the same programme next year".
    await click(browser, "trip-duplicate");
    await fill(browser, "#duplicate-start", "20.10.2027");
    await click(browser, "duplicate-save");
    await eventually(async () => (await textOf(browser, "trip-dates")).includes("2027"), { message: "the copy's page" });
    const trips = await listJson(dir.db, "trips");
    assert.deepEqual(trips.map((t) => [t.start_date, t.end_date]), [["2027-10-20", "2027-10-26"], ["2026-10-21", "2026-10-27"]]);

    // Delete the copy: it goes to the trash and can come back.
    await click(browser, "trip-delete");
    await byTestId(browser, "trip-list");
    assert.equal((await listJson(dir.db, "trips")).length, 1);
    await click(browser, "nav-trash");
    await expectTexts(browser, '[data-testid="trash-row"] .title', ["Delegationsreise nach Jinhua 2026"]);
    await screenshot(browser, "trash");
    await click(browser, "restore-trip");
    await byTestId(browser, "trash-empty");
    assert.equal((await listJson(dir.db, "trips")).length, 2);

    // Emptying the trash asks first.
    await click(browser, "nav-trips");
    await openTrip(browser, "Delegationsreise nach Jinhua 2026");
    await click(browser, "trip-delete");
    await click(browser, "nav-trash");
    await click(browser, "empty-trash");
    await click(browser, "confirm-yes");
    await byTestId(browser, "trash-empty");
    assert.equal((await listJson(dir.db, "trips")).length, 1);
  } finally {
    await close();
  }
});
