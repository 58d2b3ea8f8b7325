// The register of people and organisations: keep them with pinyin filled in from the
// characters, find them by any name and by toneless pinyin, read a person's page, link them
// as signatories, hosts and delegation members, merge duplicates and restore from the trash.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, choose, cli, click, eventually, expectTexts, fill, freshDataDir, launch, listJson, openTrip, pickFromRegister, screenshot, skipWelcome, textOf, texts } from "../app.mjs";

const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

/** The names a filtered list shows, once the filter has narrowed it to a few rows. */
async function rowNames(browser, list) {
  const rows = await browser.$$(`[data-testid="${list}-row"] .row-link`);
  if (rows.length > 3) return [];
  const names = [];
  for (const row of rows) names.push(await row.getText());
  return names;
}

async function openPerson(browser, name) {
  await click(browser, "nav-people");
  await fill(browser, '[data-testid="people-search"]', name);
  await eventually(async () => (await rowNames(browser, "person")).join() === name, { message: `person ${name}` }).catch(async (error) => {
    await screenshot(browser, "open-person-failed");
    throw error;
  });
  await (await browser.$('[data-testid="person-row"] .row-link')).click();
  await eventually(async () => (await textOf(browser, "person-name")).startsWith(name), { message: `page of ${name}` });
}

test("an officer keeps people and organisations with pinyin, and finds them by any name", async () => {
  const dir = freshDataDir();
  const { browser, close } = await launch(dir, "register-people");
  try {
    await skipWelcome(browser);
    await click(browser, "nav-organisations");
    await click(browser, "new-organisation");
    await fill(browser, "#organisation-name", "Stadtregierung Jinhua");
    await fill(browser, "#organisation-name-original", "金华市");
    await eventually(async () => (await (await browser.$("#organisation-transliteration")).getValue()) === "Jin Hua Shi", { message: "organisation pinyin" });
    await choose(browser, "#organisation-kind", "city_hall");
    await click(browser, "organisation-save");
    await byTestId(browser, "organisation-name");

    await click(browser, "nav-people");
    await click(browser, "new-person");
    await click(browser, "person-save");
    assert.ok(await textOf(browser, "error-person-name-latin"), "a name is required");
    await fill(browser, "#person-name-latin", "Wang Wei");
    await fill(browser, "#person-name-original", "王伟");
    await eventually(async () => (await (await browser.$("#person-transliteration")).getValue()) === "Wang Wei", { message: "person pinyin" });
    await fill(browser, "#person-function", "Direktor");
    await fill(browser, "#person-organisation", "jinhua");
    await click(browser, "register-option");
    await fill(browser, "#person-languages", "Chinesisch, Englisch");
    await fill(browser, "#person-email", "wang.wei@");
    assert.ok(await textOf(browser, "error-person-email"), "the e-mail is checked as typed");
    await fill(browser, "#person-email", "wang.wei@jinhua.gov.cn");
    await click(browser, "person-save");
    await eventually(async () => (await textOf(browser, "person-name")).startsWith("Wang Wei"), { message: "person page" });

    await click(browser, "nav-people");
    await click(browser, "new-person");
    await fill(browser, "#person-name-latin", "Zhu Chonglie");
    await fill(browser, "#person-name-original", "朱重烈");
    await eventually(async () => (await (await browser.$("#person-transliteration")).getValue()) === "Zhu Chonglie", { message: "the Latin name picks the reading" });
    await click(browser, "person-save");
    await byTestId(browser, "person-name");

    const [wang] = (await listJson(dir.db, "people")).filter((p) => p.name_latin === "Wang Wei");
    assert.deepEqual([wang.name_original, wang.transliteration, wang.organisation_name, wang.languages], ["王伟", "Wang Wei", "Stadtregierung Jinhua", "Chinesisch, Englisch"]);

    // Lists filter as you type: by characters, by pinyin without tones, by Latin name.
    await click(browser, "nav-people");
    for (const [typed, expected] of [["zhu", "Zhu Chonglie"], ["朱", "Zhu Chonglie"], ["王伟", "Wang Wei"], ["wangwei", "Wang Wei"]]) {
      await fill(browser, '[data-testid="people-search"]', typed);
      await eventually(async () => (await rowNames(browser, "person")).join() === expected, { message: `search ${typed}` });
    }
    await click(browser, "nav-organisations");
    await fill(browser, '[data-testid="organisations-search"]', "金华");
    await eventually(async () => (await rowNames(browser, "organisation")).join() === "Stadtregierung Jinhua", { message: "organisation by characters" });
  } finally {
    await close();
  }
});

test("a person's page shows every trip and item they took part in or hosted, and what they signed", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "register-person-page");
  try {
    await openPerson(browser, "Zhu Chonglie");
    assert.match(await textOf(browser, "person-name"), /朱重烈/);
    assert.deepEqual(await texts(browser, '[data-testid="person-trip"] .link'), [
      "Delegationsreise des Kreises Düren in die Städteregion Jinhua",
      "Besuch der Delegation aus Jinhua in Düren",
    ]);
    const items = await texts(browser, '[data-testid="person-item"]');
    assert.ok(items.some((row) => /Gastgeber/.test(row)) && items.some((row) => /Delegation/.test(row)), items.join("\n"));
    assert.match(await textOf(browser, "person-agreements"), /Memorandum über die Vertiefung/);
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "person"), join(docs, "person.png"));

    // The partnership page lists its people and organisations and the agreement's signatories.
    await (await browser.$('[data-testid="person-agreements"] .link')).click();
    assert.match(await textOf(browser, "agreement-signatories"), /Frank Peter Ullrich.*Zhu Chonglie/s);
    assert.match(await textOf(browser, "partnership-people"), /Zhu Chonglie/);
    assert.match(await textOf(browser, "partnership-organisations"), /Stadtregierung Jinhua/);
  } finally {
    await close();
  }
});

test("signatories come from the register, and an organisation cannot sign", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "register-signatories");
  try {
    await click(browser, "nav-partnerships");
    const link = await eventually(async () => {
      for (const candidate of await browser.$$('[data-testid="partnership-row"] .row-link')) {
        if ((await candidate.getText()) === "Luzhou") return candidate;
      }
      return null;
    }, { message: "Luzhou" });
    await link.click();
    await click(browser, "add-agreement");
    await fill(browser, "#agreement-title", "Absichtserklärung Gesundheitswesen");
    await pickFromRegister(browser, "#agreement-signatories", "Stadtregierung");
    assert.match(await textOf(browser, "error-agreement-signatories"), /Stadtregierung Jinhua.*ist eine Organisation/);
    await click(browser, "agreement-save");
    assert.equal((await listJson(dir.db, "agreements")).filter((a) => a.title.startsWith("Absichtserklärung")).length, 0, "nothing saved");

    await (await browser.$('[data-testid="signatories-picker"] .remove')).click();
    await fill(browser, "#agreement-signatories", "Frank Dudda");
    await click(browser, "register-create-person");
    await click(browser, "agreement-save");
    await eventually(async () => (await listJson(dir.db, "agreements")).some((a) => a.title.startsWith("Absichtserklärung")), { message: "agreement saved" });
    const saved = (await listJson(dir.db, "agreements")).find((a) => a.title.startsWith("Absichtserklärung"));
    assert.deepEqual(saved.signatories.map((s) => [s.kind, s.label]), [["person", "Frank Dudda"]]);
  } finally {
    await close();
  }
});

test("a delegation member is picked from the register and the trip appears on their page", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "register-member");
  try {
    await openTrip(browser, "Delegationsreise nach Luzhou");
    await click(browser, "tab-delegation");
    await click(browser, "add-member");
    await pickFromRegister(browser, "#member-from-register", "xia");
    await eventually(async () => (await (await browser.$("#member-name-latin")).getValue()) === "Xia Xinmin", { message: "details taken over" });
    assert.equal(await (await browser.$("#member-name-original")).getValue(), "夏心旻");
    await click(browser, "member-save");
    await eventually(async () => (await listJson(dir.db, "trips")).find((t) => t.title === "Delegationsreise nach Luzhou").member_count === 1, { message: "member added" });
    await openPerson(browser, "Xia Xinmin");
    assert.ok((await texts(browser, '[data-testid="person-trip"] .link')).includes("Delegationsreise nach Luzhou"));
  } finally {
    await close();
  }
});

test("duplicates are merged with their links, and a linked person is deleted only after a question", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "register-merge");
  try {
    // A second record of the mayor, entered in a hurry.
    await click(browser, "nav-people");
    await click(browser, "new-person");
    await fill(browser, "#person-name-latin", "F. P. Ullrich");
    await fill(browser, "#person-phone", "+49 2421 25-0");
    await click(browser, "person-save");
    await byTestId(browser, "person-name");

    await openPerson(browser, "Frank Peter Ullrich");
    const before = await texts(browser, '[data-testid="person-item"]');
    await click(browser, "person-merge");
    await fill(browser, "#merge-duplicate", "F. P.");
    await click(browser, "register-option");
    await click(browser, "merge-confirm");
    await eventually(async () => !(await listJson(dir.db, "people")).some((p) => p.name_latin === "F. P. Ullrich"), { message: "duplicate gone" });
    const mayor = (await listJson(dir.db, "people")).find((p) => p.name_latin === "Frank Peter Ullrich");
    assert.equal(mayor.phone, "+49 2421 25-0", "the duplicate's phone number was kept");
    assert.deepEqual(await texts(browser, '[data-testid="person-item"]'), before, "every link kept");

    // Deleting him asks first and names what links to him.
    await click(browser, "person-delete");
    const question = await browser.$('dialog[open][data-testid="confirm"]');
    await question.waitForDisplayed({ timeout: 5000 });
    assert.match(await question.getText(), /Empfang im Rathaus/);
    assert.match(await question.getText(), /Memorandum über die Vertiefung/);
    await click(browser, "confirm-yes");
    await eventually(async () => !(await listJson(dir.db, "people")).some((p) => p.name_latin === "Frank Peter Ullrich"), { message: "in the trash" });
    await click(browser, "nav-trash");
    await expectTexts(browser, '[data-testid="trash-person-row"] .title', ["Frank Peter Ullrich"]);
    await click(browser, "restore-person");
    await byTestId(browser, "trash-empty");
    await openPerson(browser, "Frank Peter Ullrich");
    assert.deepEqual(await texts(browser, '[data-testid="person-item"]'), before, "links back after the restore");
  } finally {
    await close();
  }
});
