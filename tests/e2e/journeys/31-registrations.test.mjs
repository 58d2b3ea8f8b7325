// Issue 16, part 2: participants beyond the delegation. The business trip of the Wirtschafts-
// region Kaiserslautern is open to companies: the officer registers one more company (a cost
// share with three decimals is refused at its field), confirms it into the delegation in one
// step, imports the spreadsheet of the registration form, and saves the participants list for
// the travel agency. A firm's guest at the conference in Jinhua finds it on her page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byTestId, cli, click, eventually, expectContents, fill, freshDataDir, launch, listJson, openTrip, screenshot, textContents, textOf } from "../app.mjs";

const TRIP = "Unternehmerreise der Wirtschaftsregion Kaiserslautern 2027";

/** The text of each registration row's name and status, in the list's order. */
async function rows(browser) {
  const names = await textContents(browser, '[data-testid="registration-open"]');
  const statuses = await textContents(browser, '[data-testid="registration-status"]');
  return names.map((name, at) => `${name}: ${statuses[at]}`);
}

async function rowOf(browser, name) {
  for (const row of await browser.$$('[data-testid="registration-row"]')) {
    const open = await row.$('[data-testid="registration-open"]');
    if ((await open.getProperty("textContent")).trim() === name) return row;
  }
  return null;
}

test("an officer registers a company for a business trip, confirms it into the delegation and hands out the list", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const form = join(dir.home, "Anmeldungen.csv");
  writeFileSync(form, "Zeitstempel;Name laut Reisepass;Firma;Funktion;Essenswünsche\n03.02.2027 10:14;Lena FISCHER;Pfalzwerke AG;Prokuristin;vegan\n");
  const list = join(dir.home, "Teilnehmerliste.xlsx");
  const { browser, close } = await launch(dir, "registrations", { PARTNERDESK_TEST_PICK_FILE: form, PARTNERDESK_TEST_SAVE_FILE: list });
  try {
    const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TRIP).id;
    await openTrip(browser, TRIP);
    await click(browser, "tab-registrations");
    await eventually(async () => (await rows(browser)).length === 4, { message: "the example registrations" });
    assert.deepEqual(await rows(browser), [
      "Dr. Katrin HAUCK: bestätigt",
      "Miriam OSTHEIMER: angemeldet",
      "Tobias BRENNER: angemeldet",
      "(noch kein Name): eingeladen",
    ]);
    assert.match(await textOf(browser, "registration-deadline"), /15\.07\.2027/);
    await screenshot(browser, "registrations");

    // A company registers by mail: the cost share is refused with three decimals, then saved.
    await click(browser, "add-registration");
    await fill(browser, "#registration-name", "Sven KOCH");
    await fill(browser, "#registration-organisation", "Pfälzer Maschinenbau GmbH");
    await fill(browser, "#registration-function", "Geschäftsführer");
    await fill(browser, "#registration-cost-share", "1.200,555");
    await expectContents(browser, '[data-testid="error-registration-cost-share"]', ["Zu viele Nachkommastellen für diese Währung (Euro: zwei)."]);
    await fill(browser, "#registration-cost-share", "1.200");
    await screenshot(browser, "registration-form");
    await click(browser, "registration-save");
    await eventually(async () => (await rows(browser)).includes("Sven KOCH: angemeldet"), { message: "the new registration" });
    const saved = (await listJson(dir.db, "registrations", "--trip", trip)).find((r) => r.name_latin === "Sven KOCH");
    assert.equal(saved.cost_share_cents, 120000);

    // Confirmed in one step: the registration is a member of the delegation.
    const row = await rowOf(browser, "Sven KOCH");
    await (await row.$('[data-testid="registration-confirm"]')).click();
    await eventually(async () => (await rows(browser)).includes("Sven KOCH: bestätigt"), { message: "confirmed" });
    const confirmed = (await listJson(dir.db, "registrations", "--trip", trip)).find((r) => r.name_latin === "Sven KOCH");
    assert.equal(confirmed.member.label, "Sven KOCH");
    const members = await listJson(dir.db, "members", "--trip", trip);
    const member = members.find((m) => m.id === confirmed.member.id);
    assert.deepEqual([member.organisation, member.function_title], ["Pfälzer Maschinenbau GmbH", "Geschäftsführer"]);
    await click(browser, "tab-delegation");
    await eventually(async () => (await textContents(browser, '[data-testid="member-open"]')).includes("Sven KOCH"), { message: "in the delegation" });
    await click(browser, "tab-registrations");

    // The spreadsheet of the registration form, through the import's preview.
    await click(browser, "import-registrations");
    await eventually(async () => (await textOf(browser, "import-counts")).includes("1 neu"), { message: "the preview" });
    await click(browser, "import-apply");
    await eventually(async () => (await rows(browser)).includes("Lena FISCHER: angemeldet"), { message: "the imported registration" });

    // The participants list for the travel agency, with the dietary needs ticked.
    await click(browser, "export-registrations");
    await (await byTestId(browser, "registration-export-dietary")).click();
    await click(browser, "registration-export-save");
    await eventually(async () => existsSync(list) && statSync(list).size > 0, { message: "the list is written" });
  } finally {
    await close();
  }
});

test("a firm's guest at the conference in Jinhua finds it on her page", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "attendees");
  try {
    await click(browser, "nav-people");
    await fill(browser, '[data-testid="people-search"]', "Ye Qing");
    await eventually(async () => (await textContents(browser, '[data-testid="person-row"] .row-link')).join() === "Ye Qing", { message: "the guest in the register" });
    await (await browser.$('[data-testid="person-row"] .row-link')).click();
    await expectContents(browser, '[data-testid="person-item-part"]', ["Gast"]);
    const [item] = await textContents(browser, '[data-testid="person-item"]');
    assert.match(item, /Empfang und Konferenz zur Zusammenarbeit/);
    assert.match(item, /Delegationsreise des Kreises Düren/);
    await screenshot(browser, "person-attended");

    await openTrip(browser, "Delegationsreise des Kreises Düren in die Städteregion Jinhua");
    await eventually(async () => (await textContents(browser, '[data-testid="item-guests"]')).some((line) => line.includes("Ye Qing") && line.includes("(Hydrogenway Technology)")), { message: "the guests on the programme" });
    await (await browser.$('[data-testid="item-guests"]')).scrollIntoView({ block: "center" });
    await screenshot(browser, "programme-guests");
  } finally {
    await close();
  }
});
