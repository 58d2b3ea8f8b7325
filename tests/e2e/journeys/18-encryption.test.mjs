// Encryption at rest: the office turns encryption on in the settings (the passphrase is checked
// as it is typed), and from the next start on the app opens with the unlock screen; a wrong
// passphrase is named beside the field, the right one opens the trips. Kept in the system
// keychain (a throwaway one, `throwawayKeychain` in app.mjs), the passphrase
// opens the database without asking until it is taken out again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, screenshot, textOf, texts, throwawayKeychain } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const PASSPHRASE = "Partnerschaft mit Jinhua seit 2007";

const isPlainSqlite = (db) => readFileSync(db).subarray(0, 16).toString("latin1") === "SQLite format 3\0";

test("encryption turned on in the settings asks for the passphrase at the next start", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  assert.ok(isPlainSqlite(dir.db));

  const first = await launch(dir, "encryption");
  try {
    const { browser } = first;
    await click(browser, "nav-settings");
    await (await byTestId(browser, "settings-encryption")).scrollIntoView();
    assert.match(await textOf(browser, "encryption-state"), /^Die Datenbank ist nicht verschlüsselt\./);
    await click(browser, "encryption-enable");

    await fill(browser, "#encryption-new", "zu kurz");
    assert.equal(await textOf(browser, "error-encryption-new"), "Die Passphrase muss mindestens 10 Zeichen lang sein.");
    await fill(browser, "#encryption-new", PASSPHRASE);
    await fill(browser, "#encryption-repeat", `${PASSPHRASE}!`);
    assert.equal(await textOf(browser, "error-encryption-repeat"), "Die beiden Eingaben stimmen nicht überein.");
    assert.equal(await (await byTestId(browser, "encryption-submit")).isEnabled(), false);
    await fill(browser, "#encryption-repeat", PASSPHRASE);
    assert.equal(await (await browser.$('[data-testid="error-encryption-repeat"]')).isExisting(), false);
    await screenshot(browser, "encryption-settings");
    await click(browser, "encryption-submit");

    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => text.startsWith("Die Datenbank ist jetzt verschlüsselt.")), {
      message: "the notice that the database is encrypted",
      timeout: 15000,
    });
    assert.match(await textOf(browser, "encryption-state"), /^Die Datenbank und ihre Sicherungen sind verschlüsselt\./);
    assert.ok(!isPlainSqlite(dir.db), "the file on disk is no plain SQLite file any more");
    await assert.rejects(cli(dir.db, "list", "trips"), /this database is encrypted/);
  } finally {
    await first.close();
  }

  const keychain = throwawayKeychain();
  try {
    await keptInTheKeychain(dir, keychain.env);
  } finally {
    keychain.stop();
  }
});

async function keptInTheKeychain(dir, keychainEnv) {
  const second = await launch(dir, "unlock", keychainEnv);
  try {
    const { browser } = second;
    await byTestId(browser, "unlock", { timeout: 10000 });
    assert.equal(await (await browser.$('[data-testid="overview"]')).isExisting(), false, "nothing but the prompt");
    await fill(browser, "#unlock-passphrase", "Partnerschaft mit Jinhua seit 2008");
    await click(browser, "unlock-submit");
    assert.equal(await textOf(browser, "error-unlock-passphrase"), "Die Passphrase ist falsch.");
    await screenshot(browser, "unlock");

    await fill(browser, "#unlock-passphrase", PASSPHRASE);
    await click(browser, "unlock-remember");
    await click(browser, "unlock-submit");
    await byTestId(browser, "overview", { timeout: 10000 });
    await click(browser, "nav-trips");
    await eventually(async () => (await texts(browser, '[data-testid="trip-row"] .row-link')).includes(TO_JINHUA), {
      message: "the trips of the unlocked database",
    });
  } finally {
    await second.close();
  }

  // Kept in the system keychain, the passphrase opens the database without a question.
  const third = await launch(dir, "keychain", keychainEnv);
  try {
    const { browser } = third;
    await byTestId(browser, "overview", { timeout: 10000 });
    assert.equal(await (await browser.$('[data-testid="unlock"]')).isExisting(), false, "no unlock screen");
    await click(browser, "nav-settings");
    const remember = await browser.$('[data-testid="encryption-remember"] input');
    await remember.waitForExist({ timeout: 5000 });
    await eventually(async () => await remember.isSelected(), { message: "the settings say it is kept" });
    await remember.scrollIntoView();
    await screenshot(browser, "settings-keychain");
    await remember.click();
    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => text.includes("aus dem Schlüsselbund entfernt")), {
      message: "passphrase removed from the keychain",
    });
  } finally {
    await third.close();
  }

  // Taken out of the keychain, it is asked for again.
  const fourth = await launch(dir, "unlock-again", keychainEnv);
  try {
    await byTestId(fourth.browser, "unlock", { timeout: 10000 });
  } finally {
    await fourth.close();
  }
}
