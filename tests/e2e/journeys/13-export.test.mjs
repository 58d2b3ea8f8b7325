// Sharing a programme with people who do not use Partnerdesk: the calendar file of the whole
// programme and of one member, saved through the system's save dialog (the test names the file
// the dialog would return).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { byTestId, choose, cli, click, eventually, freshDataDir, launch, listJson, openTrip, screenshot } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

function events(text) {
  return text.split("BEGIN:VEVENT").length - 1;
}

test("an officer exports the programme as a calendar file, whole and for one member", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const items = await listJson(dir.db, "items", "--trip", trip.id);
  const members = await listJson(dir.db, "members", "--trip", trip.id);
  const itemsOf = (member) => items.filter((i) => i.everyone || i.participant_ids.includes(member.id));
  // A council member, who is not at the talks for the Landrat and the business delegates.
  const councillor = members.find((m) => m.name_latin === "Rolf Hamacher");
  const theirs = itemsOf(councillor);
  assert.ok(theirs.length < items.length, "the demo has items without the councillor");
  const target = join(dir.home, "programm.ics");

  const { browser, close } = await launch(dir, "export", { PARTNERDESK_TEST_SAVE_FILE: target });
  try {
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-export");
    await byTestId(browser, "export-dialog");
    await click(browser, "export-save");
    await eventually(async () => {
      try {
        return events(readFileSync(target, "utf8")) === items.length;
      } catch {
        return false;
      }
    }, { message: "the whole programme written" });
    const whole = readFileSync(target, "utf8");
    assert.match(whole, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Shanghai/);
    assert.match(whole, /DTSTART;TZID=Asia\/Shanghai:20261022T/);
    for (const item of items) assert.ok(whole.includes(`UID:${item.id}@partnerdesk`), item.title);
    assert.ok(!whole.includes("Nur Landrat, Wirtschaftsförderung und Dolmetscherin."), "internal notes stay inside");

    await click(browser, "trip-export");
    await click(browser, "export-member");
    await choose(browser, "#export-member-choice", councillor.id);
    await screenshot(browser, "export-dialog");
    await click(browser, "export-save");
    await eventually(async () => events(readFileSync(target, "utf8")) === theirs.length, { message: "the councillor's programme written" });
  } finally {
    await close();
  }
});
