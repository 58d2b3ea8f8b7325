// The Stadt shares one trip with the Kreis through a folder of their own: in the settings the
// officer connects the partner office (the agreed key checked as it is typed), marks the trip
// as shared with it in the trip's header, and the trip's partnership in the partnership's
// header, and syncs; the Kreis's laptop then holds that trip, with its programme, and no other,
// the partnership with its agreements, and nothing internal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const KEY = "Stadt und Kreis Düren gemeinsam";

test("the Stadt shares one trip with the Kreis, and the Kreis gets that trip and no other", async () => {
  const folder = mkdtempSync(join(tmpdir(), "partnerdesk-between-offices-"));
  const stadt = freshDataDir();
  const kreis = freshDataDir();
  await cli(stadt.db, "demo");
  const trip = (await listJson(stadt.db, "trips")).find((t) => t.title === TO_JINHUA);
  const programme = await listJson(stadt.db, "items", "--trip", trip.id);
  assert.ok(programme.some((item) => item.notes_internal), "the Stadt has internal notes that must stay");

  const app = await launch(stadt, "partner-offices", { PARTNERDESK_TEST_PICK_FOLDER: folder });
  try {
    const { browser } = app;
    await click(browser, "nav-settings");
    await (await byTestId(browser, "settings-partner-offices")).scrollIntoView();
    await click(browser, "partner-office-add");
    await fill(browser, "#partner-office-name", "Kreis Düren");
    await click(browser, "partner-office-choose-folder");
    await eventually(async () => (await (await browser.$("#partner-office-folder")).getValue()) === folder, { message: "the folder picked" });
    await fill(browser, "#partner-office-key", "zu kurz");
    assert.equal(await textOf(browser, "error-partner-office-key"), "Mindestens 10 Zeichen.");
    await fill(browser, "#partner-office-our-name", "Stadt Düren");
    assert.equal(await (await byTestId(browser, "partner-office-link")).isEnabled(), false);
    await fill(browser, "#partner-office-key", KEY);
    await click(browser, "partner-office-link");
    await eventually(async () => (await texts(browser, '[data-testid="partner-office"]')).length === 1, { message: "the partner office listed" });
    assert.match(await textOf(browser, "partner-office-shared"), /^0 Reisen, 0 Partnerschaften$/);
    await screenshot(browser, "partner-offices-settings");

    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await click(browser, "share-partner-office");
    await byTestId(browser, "share-partner-office-dialog");
    await click(browser, "share-with-partner-office");
    await eventually(async () => (await textOf(browser, "share-partner-office")) === "Geteilt mit Kreis Düren …", { message: "the button says so" });
    assert.equal(await (await byTestId(browser, "share-with-partner-office")).isSelected(), true);
    await screenshot(browser, "partner-offices-share");
    await click(browser, "share-partner-office-close");
    assert.ok((await texts(browser, '[data-testid="notice"]')).some((text) => text.startsWith("Wird mit Kreis Düren geteilt.")), "the notice");

    await click(browser, "trip-partnership");
    await byTestId(browser, "partnership-title");
    await click(browser, "share-partner-office");
    await click(browser, "share-with-partner-office");
    await eventually(async () => (await textOf(browser, "share-partner-office")) === "Geteilt mit Kreis Düren …", { message: "the partnership's button" });
    await click(browser, "share-partner-office-close");
    await screenshot(browser, "partner-offices-partnership");

    await browser.keys(["Control", "Shift", "s"]);
    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => /^Abgeglichen – gesendet: [1-9]/.test(text)), {
      message: "the sync's notice",
      timeout: 10000,
    });
  } finally {
    await app.close();
  }

  process.env.PARTNERDESK_BETWEEN_OFFICES = KEY;
  await cli(kreis.db, "partner-office", "link", "--name", "Stadt Düren", "--folder", folder, "--key-env", "PARTNERDESK_BETWEEN_OFFICES", "--as", "Kreis Düren");
  await cli(kreis.db, "sync");
  const received = await listJson(kreis.db, "trips");
  assert.deepEqual(received.map((t) => t.title), [TO_JINHUA]);
  const receivedProgramme = await listJson(kreis.db, "items", "--trip", trip.id);
  assert.equal(receivedProgramme.length, programme.length);
  assert.ok(receivedProgramme.every((item) => !item.notes_internal), "no internal notes");
  const partnership = (await listJson(kreis.db, "partnerships")).find((p) => p.id === trip.partnership_id);
  assert.ok(partnership, "the partnership came along");
  const agreementsOf = async (db) => (await listJson(db, "agreements")).filter((a) => a.partnership_id === partnership.id);
  const agreements = await agreementsOf(stadt.db);
  assert.ok(agreements.length > 0);
  assert.deepEqual((await agreementsOf(kreis.db)).map((a) => a.title), agreements.map((a) => a.title));
  assert.equal((await listJson(kreis.db, "agreements")).length, agreements.length, "no other partnership's agreements");
});
