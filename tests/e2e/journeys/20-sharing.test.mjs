// Two laptops of one office share through a folder, both windows open at once: laptop A turns
// sharing on in the settings (the office key checked as it is typed), laptop B joins from the
// folder; both change the trip's title offline, B syncs (Ctrl+Shift+S), then A: A's window shows
// B's title and lists its own under "Konflikte", takes it back in one click and syncs, and B's
// window shows it after B's next sync. Then A tidies the folder up: a snapshot, and A's change
// files gone, since B has taken them all in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const KEY = "Partnerschaft Jinhua seit 2007";
const SECOND_DRIVER_PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444) + 2;

async function retitle(browser, title) {
  await click(browser, "trip-edit");
  await fill(browser, "#trip-title", title);
  await click(browser, "trip-save");
  await eventually(async () => (await textOf(browser, "trip-title")) === title, { message: `the title ${title}` });
}

async function syncByKeyboard(browser, sent) {
  await browser.keys(["Control", "Shift", "s"]);
  await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => text.startsWith(`Abgeglichen – gesendet: ${sent},`)), {
    message: "the sync's notice",
    timeout: 10000,
  });
}

function everyFile(dir) {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? everyFile(join(dir, name)) : [join(dir, name)]));
}

test("two laptops share through the office folder, and a conflict is shown and resolved in the window", async () => {
  const folder = mkdtempSync(join(tmpdir(), "partnerdesk-office-folder-"));
  const a = freshDataDir();
  const b = freshDataDir();
  await cli(a.db, "demo");
  const trip = (await listJson(a.db, "trips")).find((t) => t.title === TO_JINHUA);

  const laptopA = await launch(a, "sharing-a", { PARTNERDESK_TEST_PICK_FOLDER: folder });
  let laptopB;
  try {
    const { browser } = laptopA;
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

    // B joins from the folder while A's window stays open, and shows A's trips.
    process.env.PARTNERDESK_OFFICE_KEY = KEY;
    await cli(b.db, "sync", "join", "--folder", folder, "--key-env", "PARTNERDESK_OFFICE_KEY", "--name", "Laptop Becker");
    laptopB = await launch(b, "sharing-b", {}, { port: SECOND_DRIVER_PORT });
    await openTrip(laptopB.browser, TO_JINHUA);

    // Both change the title offline; B syncs first.
    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await retitle(browser, "Reise nach Jinhua (Fassung A)");
    await retitle(laptopB.browser, "Reise nach Jinhua (Fassung B)");
    await syncByKeyboard(laptopB.browser, 1);

    // A syncs: B's later title shows in A's window, A's own waits under "Konflikte".
    await syncByKeyboard(browser, 1);
    await eventually(async () => (await textOf(browser, "trip-title")) === "Reise nach Jinhua (Fassung B)", { message: "B's edit in A's window" });
    const link = await byTestId(browser, "nav-conflicts");
    assert.equal(await link.getText(), "Konflikte: 1");
    await link.click();
    await byTestId(browser, "conflicts-view");
    assert.equal(await textOf(browser, "conflict-kept"), "Reise nach Jinhua (Fassung B)");
    assert.match(await textOf(browser, "conflict-lost"), /^Reise nach Jinhua \(Fassung A\) \(Laptop Krings, /);
    await screenshot(browser, "sharing-conflicts");
    await click(browser, "conflict-keep");
    await byTestId(browser, "conflicts-empty");
    await eventually(async () => !(await browser.$('[data-testid="nav-conflicts"]').isExisting()), { message: "the conflict count gone" });
    assert.equal((await listJson(a.db, "trips")).find((t) => t.id === trip.id).title, "Reise nach Jinhua (Fassung A)");
    await syncByKeyboard(browser, 1);

    // B's next sync brings the value taken back into B's window.
    await syncByKeyboard(laptopB.browser, 0);
    await eventually(async () => (await textOf(laptopB.browser, "trip-title")) === "Reise nach Jinhua (Fassung A)", { message: "A's choice in B's window" });

    await click(browser, "nav-settings");
    await (await byTestId(browser, "settings-sharing")).scrollIntoView();
    assert.equal(await textOf(browser, "sharing-laptops"), "2");
    await click(browser, "sharing-compact");
    await eventually(
      async () => (await texts(browser, '[data-testid="notice"]')).some((text) => /^Aufgeräumt: [1-9]\d* Dateien entfernt, 0 bleiben/.test(text)),
      { message: "the tidying up's notice", timeout: 10000 },
    );
    await screenshot(browser, "sharing-compacted");
  } finally {
    await laptopB?.close();
    await laptopA.close();
  }

  const files = everyFile(folder);
  for (const file of files) {
    assert.ok(!readFileSync(file, "latin1").includes("Fassung"), `${file} is encrypted`);
  }
  assert.equal(files.filter((file) => file.endsWith(".pdsnap")).length, 1, "one snapshot");
  const changeFilesByLaptop = readdirSync(join(folder, "partnerdesk-sync"))
    .filter((name) => name !== "snapshots" && name !== "documents" && statSync(join(folder, "partnerdesk-sync", name)).isDirectory())
    .map((laptop) => readdirSync(join(folder, "partnerdesk-sync", laptop)).filter((name) => name.endsWith(".pdsync")).length)
    .sort();
  assert.equal(changeFilesByLaptop.length, 2);
  assert.equal(changeFilesByLaptop[0], 0, "A's change files are out of the folder");
});
