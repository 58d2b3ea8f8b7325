// Nothing lost: the office saves a backup from the settings, a trip is deleted by mistake, and
// restoring the backup brings it back. The files are what the system's dialogs would return (the
// test names them); the confirmation shows what the backup holds before anything changes, and
// the data it replaces is kept as a backup of its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byTestId, cli, click, eventually, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

async function showBackupSection(browser) {
  await click(browser, "nav-settings");
  const section = await byTestId(browser, "settings-backup");
  await section.scrollIntoView();
  return section;
}

test("a trip deleted by mistake comes back from the backup saved in the settings", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const file = join(dir.home, "sicherung.sqlite");
  const env = { PARTNERDESK_TEST_SAVE_FILE: file, PARTNERDESK_TEST_PICK_FILE: file };
  const { browser, close } = await launch(dir, "backup", env);
  try {
    await showBackupSection(browser);
    // The daily backup was taken at start: the section says when, and where the backups lie.
    assert.match(await textOf(browser, "backup-last"), /^Letzte automatische Sicherung: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    assert.equal(await textOf(browser, "backup-folder"), join(dir.home, "backups"));
    assert.equal(readdirSync(join(dir.home, "backups")).filter((name) => /^partnerdesk-[\d-]+\.sqlite$/.test(name)).length, 1);

    await click(browser, "backup-save");
    await eventually(async () => existsSync(file), { message: "the saved backup" });
    await screenshot(browser, "backup");

    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-delete");
    await byTestId(browser, "trip-list");
    assert.equal((await listJson(dir.db, "trips")).length, 4);

    await showBackupSection(browser);
    await click(browser, "backup-restore");
    await byTestId(browser, "backup-confirm");
    assert.match(await textOf(browser, "backup-confirm-file"), /^sicherung\.sqlite, gespeichert am \d{2}\.\d{2}\.\d{4}/);
    const labels = await texts(browser, '[data-testid="backup-counts"] dt');
    const numbers = await texts(browser, '[data-testid="backup-counts"] dd');
    const counts = Object.fromEntries(labels.map((label, i) => [label, Number(numbers[i])]));
    assert.equal(counts.Reisen, 5);
    assert.equal(counts.Geschenke, 9);
    assert.deepEqual(labels, ["Reisen", "Programmpunkte", "Partnerschaften", "Personen", "Organisationen", "Aufgaben", "Geschenke"]);
    assert.match(await textOf(browser, "backup-confirm"), /jetzige Stand wird vorher im Sicherungsordner aufbewahrt/);
    await screenshot(browser, "backup-confirm");
    assert.equal((await listJson(dir.db, "trips")).length, 4, "nothing changes before the confirmation");

    await click(browser, "backup-confirm-yes");
    await (await browser.$('[data-testid="backup-confirm"]')).waitForDisplayed({ reverse: true, timeout: 10000 });
    const restoredNotice = /^Die Sicherung wurde wiederhergestellt\. Der vorherige Stand liegt in .*\/backups\/partnerdesk-before-restore-/;
    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => restoredNotice.test(text)), {
      message: "the notice that the backup was restored",
    });
    assert.equal((await listJson(dir.db, "trips")).length, 5);
    const kept = readdirSync(join(dir.home, "backups")).filter((name) => name.startsWith("partnerdesk-before-restore-"));
    assert.equal(kept.length, 1, "the data it replaced is kept");

    // The window shows the restored data without a restart.
    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
  } finally {
    await close();
  }
});

test("a file that is not a backup is refused with a clear message and changes nothing", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const file = join(dir.home, "teilnehmer.sqlite");
  writeFileSync(file, "Name;Funktion\nZhu Chonglie;Parteisekretär\n".repeat(50));
  const { browser, close } = await launch(dir, "backup-refused", { PARTNERDESK_TEST_PICK_FILE: file });
  try {
    await showBackupSection(browser);
    await click(browser, "backup-restore");
    assert.match(await textOf(browser, "notice"), /^Diese Datei ist keine Datenbank von Partnerdesk\./);
    assert.equal(await (await browser.$('[data-testid="backup-confirm"]')).isDisplayed(), false);
    assert.equal((await listJson(dir.db, "trips")).length, 5);
  } finally {
    await close();
  }
});
