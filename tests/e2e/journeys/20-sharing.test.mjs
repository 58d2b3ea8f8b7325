// Two laptops of one office share through a folder: laptop A turns sharing on in the settings
// (the office key checked as it is typed), laptop B joins from the folder, an edit on one shows
// on the other, and when both changed the trip's title offline, A's window lists the value that
// lost under "Konflikte" and takes it back in one click, which then reaches B too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const KEY = "Partnerschaft Jinhua seit 2007";

async function retitle(browser, title) {
  await click(browser, "trip-edit");
  await fill(browser, "#trip-title", title);
  await click(browser, "trip-save");
  await eventually(async () => (await textOf(browser, "trip-title")) === title, { message: `the title ${title}` });
}

function everyFile(dir) {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? everyFile(join(dir, name)) : [join(dir, name)]));
}

test("two laptops share through the office folder, and a conflict is shown and resolved in the window", async () => {
  const folder = mkdtempSync(join(tmpdir(), "partnerdesk-office-folder-"));
  const a = freshDataDir();
  await cli(a.db, "demo");
  const trip = (await listJson(a.db, "trips")).find((t) => t.title === TO_JINHUA);

  let browser;
  let close;
  ({ browser, close } = await launch(a, "sharing-a", { PARTNERDESK_TEST_PICK_FOLDER: folder }));
  try {
    await click(browser, "nav-settings");
    await (await byTestId(browser, "settings-sharing")).scrollIntoView();
    await click(browser, "sharing-choose-folder");
    await eventually(async () => (await (await browser.$("#sharing-folder")).getValue()) === folder, { message: "the folder picked" });
    await fill(browser, "#sharing-key", "zu kurz");
    assert.equal(await textOf(browser, "error-sharing-key"), "Mindestens 10 Zeichen.");
    await fill(browser, "#sharing-name", "Laptop Krings");
    assert.equal(await (await byTestId(browser, "sharing-turn-on")).isEnabled(), false);
    await fill(browser, "#sharing-key", KEY);
    await screenshot(browser, "sharing-settings");
    await click(browser, "sharing-turn-on");
    await byTestId(browser, "sharing-sync");
    await eventually(async () => (await textOf(browser, "sharing-status")).startsWith("Abgeglichen"), { message: "the status line" });

    // A edits the title and closes the laptop before syncing.
    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await retitle(browser, "Reise nach Jinhua (Fassung A)");
  } finally {
    await close();
  }

  // B joins from the folder and sees A's trips; it edits the same title and syncs (Ctrl+Shift+S).
  const b = freshDataDir();
  process.env.PARTNERDESK_OFFICE_KEY = KEY;
  await cli(b.db, "sync", "join", "--folder", folder, "--key-env", "PARTNERDESK_OFFICE_KEY", "--name", "Laptop Becker");
  ({ browser, close } = await launch(b, "sharing-b"));
  try {
    await openTrip(browser, TO_JINHUA);
    await retitle(browser, "Reise nach Jinhua (Fassung B)");
    await browser.keys(["Control", "Shift", "s"]);
    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => text.startsWith("Abgeglichen – gesendet: 1,")), {
      message: "the sync's notice",
      timeout: 10000,
    });
  } finally {
    await close();
  }

  // A syncs as it starts: B's later title wins, A's is kept under "Konflikte" and comes back.
  ({ browser, close } = await launch(a, "sharing-conflict"));
  try {
    const link = await byTestId(browser, "nav-conflicts", { timeout: 15000 });
    assert.equal(await link.getText(), "Konflikte: 1");
    assert.equal((await listJson(a.db, "trips")).find((t) => t.id === trip.id).title, "Reise nach Jinhua (Fassung B)", "B's edit arrived");
    await link.click();
    await byTestId(browser, "conflicts-view");
    assert.equal(await textOf(browser, "conflict-kept"), "Reise nach Jinhua (Fassung B)");
    assert.match(await textOf(browser, "conflict-lost"), /^Reise nach Jinhua \(Fassung A\) \(Laptop Krings, /);
    await screenshot(browser, "sharing-conflicts");
    await click(browser, "conflict-keep");
    await byTestId(browser, "conflicts-empty");
    await eventually(async () => !(await browser.$('[data-testid="nav-conflicts"]').isExisting()), { message: "the conflict count gone" });
    assert.equal((await listJson(a.db, "trips")).find((t) => t.id === trip.id).title, "Reise nach Jinhua (Fassung A)");
    await click(browser, "nav-settings");
    await click(browser, "sharing-sync");
    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => text.startsWith("Abgeglichen – gesendet: 1,")), {
      message: "the resolution sent",
      timeout: 10000,
    });
  } finally {
    await close();
  }

  await cli(b.db, "sync");
  assert.equal((await listJson(b.db, "trips")).find((t) => t.id === trip.id).title, "Reise nach Jinhua (Fassung A)", "the value taken back reached B");
  for (const file of everyFile(folder)) {
    assert.ok(!readFileSync(file, "latin1").includes("Fassung"), `${file} is encrypted`);
  }
});
