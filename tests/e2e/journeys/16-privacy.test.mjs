// Privacy as the GDPR requires: travel documents are erased a set number of days after the
// trip, but only after the window has shown what will go; a person's data is handed out on
// request, and a person is erased for good while their trips stay intact.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const PASSPORT = "C4X7K9P2M";

async function openMember(browser, name) {
  await click(browser, "tab-delegation");
  const button = await eventually(async () => {
    for (const candidate of await browser.$$('[data-testid="member-open"]')) {
      if ((await candidate.getText()) === name) return candidate;
    }
    return null;
  }, { message: `member ${name}` });
  await button.click();
  await byTestId(browser, "member-detail");
}

async function setErasureDays(browser, days) {
  await fill(browser, "#settings-erase-days", String(days));
  await browser.keys("Tab");
}

test("the office sees which travel documents are due, and they go only when it says so", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  assert.equal(trip.end_date, "2026-10-27");
  const { browser, close } = await launch(dir, "privacy-erasure");
  try {
    await openTrip(browser, TO_JINHUA);
    await openMember(browser, "Rolf Hamacher");
    await click(browser, "member-edit");
    await fill(browser, "#member-passport", PASSPORT);
    await click(browser, "member-save");
    await eventually(async () => (await textOf(browser, "member-passport")) === PASSPORT, { message: "passport saved" });
    await browser.keys("Escape");

    await click(browser, "nav-settings");
    assert.equal(await (await byTestId(browser, "settings-erase")).isSelected(), true, "erasure is on by default");
    assert.equal(await (await browser.$("#settings-erase-days")).getValue(), "90");
    // Checked as typed: too few days are refused before anything is saved.
    await fill(browser, "#settings-erase-days", "3");
    assert.match(await textOf(browser, "error-settings-erase-days"), /zwischen 7 und 3650/);
    await setErasureDays(browser, 30);
    const notice = await byTestId(browser, "privacy-notice", { timeout: 10000 });
    const due = await texts(browser, '[data-testid="privacy-due-trip"]');
    assert.deepEqual(due, [`${TO_JINHUA}, Reiseende 27.10.2026: Angaben von 2 Mitgliedern`], "the passport and a dietary note");
    assert.match(await notice.getText(), /vor mehr als 30 Tagen/);
    await screenshot(browser, "privacy-notice");

    // "Später" erases nothing; the notice comes back with the next check.
    await click(browser, "privacy-later");
    await notice.waitForDisplayed({ reverse: true });
    await setErasureDays(browser, 31);
    await byTestId(browser, "privacy-notice", { timeout: 10000 });
    const members = await listJson(dir.db, "members", "--trip", trip.id);
    assert.equal(members.find((m) => m.name_latin === "Sabine Krings").dietary, "vegetarisch", "nothing erased yet");

    await click(browser, "privacy-erase-now");
    await (await browser.$('[data-testid="privacy-notice"]')).waitForDisplayed({ reverse: true });
    const after = await listJson(dir.db, "members", "--trip", trip.id);
    assert.deepEqual(after.map((m) => m.name_latin), members.map((m) => m.name_latin), "the delegation stays, in order");
    assert.ok(after.every((m) => m.dietary === "" && m.accessibility === ""));

    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await openMember(browser, "Rolf Hamacher");
    assert.equal(await textOf(browser, "member-passport"), "—");
  } finally {
    await close();
  }
});

test("a person's data is handed out on request, then the person is erased for good", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const before = await listJson(dir.db, "members", "--trip", trip.id);
  assert.equal(before[0].name_latin, "Wolfgang Spelthahn");
  const saved = join(dir.home, "auskunft.json");
  const { browser, close } = await launch(dir, "privacy-person", { PARTNERDESK_TEST_SAVE_FILE: saved });
  try {
    await click(browser, "nav-people");
    await fill(browser, '[data-testid="people-search"]', "Spelthahn");
    await eventually(async () => {
      // Only once the search has narrowed the list: reading every row of the whole register is slow.
      const rows = await browser.$$('[data-testid="person-row"] .row-link');
      return rows.length === 1 && (await rows[0].getText()) === "Wolfgang Spelthahn";
    }, { message: "the Landrat in the register" });
    await (await browser.$('[data-testid="person-row"] .row-link')).click();
    await eventually(async () => (await textOf(browser, "person-name")).startsWith("Wolfgang Spelthahn"), { message: "his page" });

    await (await byTestId(browser, "person-privacy")).scrollIntoView();
    await screenshot(browser, "privacy-person");
    await click(browser, "person-export-data");
    await eventually(() => existsSync(saved) && statSync(saved).size > 0, { message: "the data written", timeout: 10000 });
    const data = JSON.parse(readFileSync(saved, "utf8"));
    assert.equal(data.person.name_latin, "Wolfgang Spelthahn");
    assert.ok(data.memberships.some((m) => m.trip_title === TO_JINHUA && m.member.member.role === "head"));
    assert.ok(data.items.length > 0, "the programme items he took part in");
    const text = JSON.stringify(data);
    for (const other of before.slice(1)) assert.ok(!text.includes(other.name_latin), `${other.name_latin} is not his data`);

    await click(browser, "person-erase");
    const question = await textOf(browser, "person-erase-confirm");
    assert.match(question, /Wolfgang Spelthahn endgültig löschen\?/);
    assert.match(question, /„ehemaliges Mitglied“/);
    await click(browser, "person-erase-confirm-yes");
    await byTestId(browser, "people-search");

    const people = await listJson(dir.db, "people");
    assert.ok(!people.some((p) => p.name_latin === "Wolfgang Spelthahn"), "gone from the register");
    const after = await listJson(dir.db, "members", "--trip", trip.id);
    assert.deepEqual(
      [after[0].name_latin, after[0].role, after[0].precedence, after[0].person_id, after[0].function_title],
      ["ehemaliges Mitglied", "head", 1, null, ""],
    );
    assert.deepEqual(after.slice(1).map((m) => m.name_latin), before.slice(1).map((m) => m.name_latin));

    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await click(browser, "tab-delegation");
    await eventually(async () => (await texts(browser, '[data-testid="member-open"]'))[0] === "ehemaliges Mitglied", { message: "the former member in the delegation" });
  } finally {
    await close();
  }
});
