// Importing what others send: a travel agency's calendar file into a trip's programme, a
// colleague's trip bundle into another office's Partnerdesk, a delegation list from Excel with
// a bad row, and contacts into the register. The file is what the system's open dialog would
// return (the test names it); the preview comes first and nothing changes before "Importieren".
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, cli, click, eventually, freshDataDir, launch, listJson, openTrip, screenshot, skipWelcome, textOf } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

/** What Outlook writes for a booked flight: Windows zone names, CRLF. */
const FLIGHT = [
  "BEGIN:VCALENDAR",
  "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:040000008200E00074C5B7101A82E008000000001234",
  "SUMMARY:Flug LH 728 Frankfurt – Shanghai",
  "DTSTART;TZID=W. Europe Standard Time:20261019T174500",
  "DTEND;TZID=China Standard Time:20261020T114000",
  "LOCATION:Flughafen Frankfurt",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:040000008200E00074C5B7101A82E008000000005678",
  "SUMMARY:Hotel Check-in Jinhua",
  "DTSTART;TZID=China Standard Time:20261020T150000",
  "DTEND;TZID=China Standard Time:20261020T153000",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** Waits for the preview and returns its counts line. */
async function previewCounts(browser) {
  await byTestId(browser, "import-dialog");
  return eventually(async () => textOf(browser, "import-counts"), { message: "the import preview", timeout: 10000 });
}

async function applyEnabled(browser) {
  return (await byTestId(browser, "import-apply")).isEnabled();
}

test("an officer imports a flight booking from Outlook into the programme, once", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const before = await listJson(dir.db, "items", "--trip", trip.id);
  const file = join(dir.home, "buchung.ics");
  writeFileSync(file, FLIGHT);

  const { browser, close } = await launch(dir, "import-calendar", { PARTNERDESK_TEST_PICK_FILE: file });
  try {
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-import");
    assert.match(await previewCounts(browser), /2 neu/);
    assert.match(await textOf(browser, "import-rows"), /Flug LH 728/);
    await screenshot(browser, "import-calendar");
    assert.equal((await listJson(dir.db, "items", "--trip", trip.id)).length, before.length, "the preview changes nothing");
    await click(browser, "import-apply");
    await (await browser.$('[data-testid="import-dialog"]')).waitForDisplayed({ reverse: true, timeout: 5000 });

    const after = await listJson(dir.db, "items", "--trip", trip.id);
    const flight = after.find((item) => item.title === "Flug LH 728 Frankfurt – Shanghai");
    assert.equal(after.length, before.length + 2);
    assert.equal(flight.kind, "flight");
    assert.deepEqual([flight.start.zone, flight.start.utc], ["Europe/Berlin", "2026-10-19T15:45:00Z"]);
    assert.deepEqual([flight.end.zone, flight.end.utc], ["Asia/Shanghai", "2026-10-20T03:40:00Z"]);

    await click(browser, "trip-import");
    assert.match(await previewCounts(browser), /0 neu.*2 unverändert/s);
    assert.equal(await applyEnabled(browser), false, "nothing to import the second time");
  } finally {
    await close();
  }
});

test("a colleague's trip bundle arrives whole in an empty Partnerdesk, and never twice", async () => {
  const office = freshDataDir();
  await cli(office.db, "demo");
  const trip = (await listJson(office.db, "trips")).find((t) => t.title === TO_JINHUA);
  const bundle = join(office.home, "reise.json");
  await cli(office.db, "export", "trip", trip.id, "--format", "bundle", "--out", bundle);
  const items = await listJson(office.db, "items", "--trip", trip.id);

  const colleague = freshDataDir();
  const { browser, close } = await launch(colleague, "import-bundle", { PARTNERDESK_TEST_PICK_FILE: bundle });
  try {
    await skipWelcome(browser);
    await click(browser, "nav-trips");
    await click(browser, "trips-import");
    assert.match(await previewCounts(browser), /[1-9]\d* neu/);
    await click(browser, "import-apply");
    await openTrip(browser, TO_JINHUA);
    assert.equal((await listJson(colleague.db, "items", "--trip", trip.id)).length, items.length);

    await click(browser, "trip-import");
    assert.match(await previewCounts(browser), /^0 neu/);
    assert.equal(await applyEnabled(browser), false);
  } finally {
    await close();
  }
});

test("a delegation list from Excel: columns mapped, a bad row named, the rest imported on request", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const before = await listJson(dir.db, "members", "--trip", trip.id);
  // German Excel: Windows-1252, semicolons, CRLF.
  const csv = "Nachname;Vorname;Funktion;E-Mail\r\nLeßmeister;Jörg;Stadtkämmerer;j.lessmeister@dueren.de\r\nMüller;Käthe;Ratsmitglied;kein-at-zeichen\r\nBöhm;Uwe;Wirtschaftsförderung;u.boehm@kreis-dueren.de\r\n";
  const file = join(dir.home, "delegation.csv");
  writeFileSync(file, Buffer.from(csv, "latin1"));

  const { browser, close } = await launch(dir, "import-table", { PARTNERDESK_TEST_PICK_FILE: file });
  try {
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-import");
    assert.match(await previewCounts(browser), /2 neu.*1 fehlerhaft/s);
    await byTestId(browser, "import-column-0");
    assert.match(await textOf(browser, "import-problems"), /Zeile 3/);
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "import-table"), join(docs, "import.png"));
    assert.equal(await applyEnabled(browser), false, "a file with errors is not imported as it is");
    await click(browser, "import-skip-bad");
    await eventually(() => applyEnabled(browser), { message: "import allowed once bad rows are skipped" });
    await click(browser, "import-apply");
    await (await browser.$('[data-testid="import-dialog"]')).waitForDisplayed({ reverse: true, timeout: 5000 });
    const after = await listJson(dir.db, "members", "--trip", trip.id);
    assert.equal(after.length, before.length + 2);
    assert.ok(after.some((member) => member.name_latin.includes("Leßmeister")), "umlauts and ß read from Windows-1252");
  } finally {
    await close();
  }
});

test("contacts from a vCard file go into the register", async () => {
  const dir = freshDataDir();
  const vcf = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    "FN:Wang Wei",
    "N:Wang;Wei;;;",
    "ORG:Stadtregierung Jinhua",
    "TITLE:Leiter des Büros für Auswärtige Angelegenheiten",
    "EMAIL:wang.wei@jinhua.gov.cn",
    "END:VCARD",
    "",
  ].join("\r\n");
  const file = join(dir.home, "kontakte.vcf");
  writeFileSync(file, vcf);

  const { browser, close } = await launch(dir, "import-contacts", { PARTNERDESK_TEST_PICK_FILE: file });
  try {
    await skipWelcome(browser);
    await click(browser, "nav-people");
    await click(browser, "people-import");
    assert.match(await previewCounts(browser), /1 neu/);
    await click(browser, "import-apply");
    await eventually(async () => (await listJson(dir.db, "people")).some((person) => person.name_latin === "Wang Wei"), {
      message: "Wang Wei in the register",
    });
  } finally {
    await close();
  }
});
