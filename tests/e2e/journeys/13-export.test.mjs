// Sharing a trip with people who do not use Partnerdesk: the programme as PDF (bilingual with
// Chinese), for the phone (HTML) and as a calendar file, whole and for one member; the
// delegation list for a hotel, with dietary notes only when ticked; the whole trip as a bundle for
// a colleague (internal notes included) or another office (without). Each is saved through the system's
// save dialog (the test names the file the dialog would return) and read back by a real reader.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, choose, cli, click, eventually, freshDataDir, launch, listJson, openTrip, screenshot } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const INTERNAL_NOTE = "Nur Landrat, Wirtschaftsförderung und Dolmetscherin.";
const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

function events(text) {
  return text.split("BEGIN:VEVENT").length - 1;
}

/** Exports in the open trip with the chosen format and waits for the complete file. */
async function exportAs(browser, target, format, { language, member, recipient, ticks = [], shot } = {}) {
  rmSync(target, { force: true });
  await click(browser, "trip-export");
  await byTestId(browser, "export-dialog");
  await click(browser, `export-format-${format}`);
  if (language) await choose(browser, "#export-language", language);
  if (member) {
    await click(browser, "export-member");
    await choose(browser, "#export-member-choice", member);
  }
  if (recipient) await click(browser, `export-recipient-${recipient}`);
  for (const tick of ticks) await click(browser, tick);
  if (shot) await screenshot(browser, shot);
  await click(browser, "export-save");
  await eventually(() => existsSync(target) && statSync(target).size > 0, { message: `the ${format} file written`, timeout: 15000 });
  return target;
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
    await exportAs(browser, target, "ics");
    const whole = readFileSync(target, "utf8");
    assert.equal(events(whole), items.length, "the whole programme written");
    assert.match(whole, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Shanghai/);
    assert.match(whole, /DTSTART;TZID=Asia\/Shanghai:20261022T/);
    for (const item of items) assert.ok(whole.includes(`UID:${item.id}@partnerdesk`), item.title);
    assert.ok(!whole.includes("Nur Landrat, Wirtschaftsförderung und Dolmetscherin."), "internal notes stay inside");

    await exportAs(browser, target, "ics", { member: councillor.id });
    assert.equal(events(readFileSync(target, "utf8")), theirs.length, "the councillor's programme written");
  } finally {
    await close();
  }
});

test("an officer hands out the programme as a bilingual PDF and for the phone", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const members = await listJson(dir.db, "members", "--trip", trip.id);
  const chinese = members.find((m) => /\p{Script=Han}/u.test(m.name_original));
  assert.ok(chinese, "the demo delegation has a member with a Chinese name");
  const pdf = join(dir.home, "programm.pdf");
  const html = join(dir.home, "programm.html");

  let browser;
  let close;
  ({ browser, close } = await launch(dir, "export-pdf", { PARTNERDESK_TEST_SAVE_FILE: pdf }));
  try {
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-export");
    await click(browser, "export-format-pdf");
    await choose(browser, "#export-language", "de+zh");
    await screenshot(browser, "export-dialog");
    await click(browser, "export-save");
    await eventually(() => existsSync(pdf) && statSync(pdf).size > 0, { message: "the PDF written", timeout: 15000 });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    assert.ok(text.includes(TO_JINHUA.slice(0, 30)), "the trip's title");
    assert.ok(text.includes(chinese.name_original), `the Chinese name ${chinese.name_original}`);
    assert.ok(!text.includes("Nur Landrat, Wirtschaftsförderung und Dolmetscherin."), "internal notes stay inside");
    // The first programme page, as the README shows it.
    mkdirSync(docs, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile", pdf, join(docs, "programme-pdf-bilingual")]);
  } finally {
    await close();
  }

  ({ browser, close } = await launch(dir, "export-html", { PARTNERDESK_TEST_SAVE_FILE: html }));
  try {
    await openTrip(browser, TO_JINHUA);
    await exportAs(browser, html, "html", { language: "de" });
    const page = readFileSync(html, "utf8");
    assert.match(page, /^<!DOCTYPE html>/i);
    assert.ok(page.includes(chinese.name_latin));
    assert.ok(!/(src|href)=["']?(https?:|\/\/)/i.test(page), "no external resources");
  } finally {
    await close();
  }
});

test("an officer exports the delegation list for the hotel and the trip for a colleague and for another office", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const members = await listJson(dir.db, "members", "--trip", trip.id);
  const csv = join(dir.home, "delegation.csv");
  const bundle = join(dir.home, "reise.json");

  let browser;
  let close;
  ({ browser, close } = await launch(dir, "export-csv", { PARTNERDESK_TEST_SAVE_FILE: csv }));
  try {
    await openTrip(browser, TO_JINHUA);
    await exportAs(browser, csv, "csv");
    const lines = readFileSync(csv, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    assert.ok(lines[0].startsWith("Nr.;Name;"), lines[0]);
    assert.equal(lines.length, members.length + 1, "a line per member");
    assert.ok(lines[1].includes(members[0].name_latin), "in order of precedence");
    assert.ok(!lines[0].includes("Ernährung") && !lines.some((line) => line.includes("vegetarisch")), "no dietary notes unless ticked");

    await exportAs(browser, csv, "csv", { ticks: ["export-health"] });
    const ticked = readFileSync(csv, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    assert.ok(ticked[0].includes("Ernährung;Barrierefreiheit"), ticked[0]);
    assert.ok(ticked.some((line) => line.includes("Sabine Krings") && line.includes("vegetarisch")), "the ticked dietary note");
  } finally {
    await close();
  }

  ({ browser, close } = await launch(dir, "export-bundle", { PARTNERDESK_TEST_SAVE_FILE: bundle }));
  try {
    await openTrip(browser, TO_JINHUA);
    await exportAs(browser, bundle, "bundle");
    const data = JSON.parse(readFileSync(bundle, "utf8"));
    assert.equal(data.format, "partnerdesk-trip-bundle");
    assert.ok(JSON.stringify(data).includes(trip.id));
    assert.ok(JSON.stringify(data).includes(INTERNAL_NOTE), "internal notes go to a colleague of the office");
    assert.deepEqual(data.withheld, ["travel_documents", "health_notes"]);

    await exportAs(browser, bundle, "bundle", { recipient: "other_office", shot: "export-dialog-bundle" });
    const forOtherOffice = readFileSync(bundle, "utf8");
    assert.ok(forOtherOffice.includes(trip.id));
    assert.ok(!forOtherOffice.includes(INTERNAL_NOTE) && !forOtherOffice.includes("vegetarisch"), "nothing internal for another office");
    assert.deepEqual(JSON.parse(forOtherOffice).withheld, ["travel_documents", "health_notes", "internal_notes"]);
  } finally {
    await close();
  }
});

test("an officer takes a travel copy of one trip on the journey, without passports", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const copy = join(dir.home, "reisekopie.sqlite");

  const { browser, close } = await launch(dir, "export-travel-copy", { PARTNERDESK_TEST_SAVE_FILE: copy });
  try {
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-export");
    await click(browser, "export-format-travel_copy");
    assert.equal(await (await byTestId(browser, "export-travel-documents")).isSelected(), false, "documents stay home unless chosen");
    await click(browser, "export-save");
    await eventually(() => existsSync(copy) && statSync(copy).size > 0, { message: "the travel copy written", timeout: 15000 });
  } finally {
    await close();
  }
  assert.equal(readFileSync(copy).subarray(0, 15).toString(), "SQLite format 3");
  const trips = await listJson(copy, "trips");
  assert.deepEqual(trips.map((t) => t.id), [trip.id], "the copy holds this trip alone");
  assert.equal((await listJson(copy, "members", "--trip", trip.id)).length, (await listJson(dir.db, "members", "--trip", trip.id)).length);
});
