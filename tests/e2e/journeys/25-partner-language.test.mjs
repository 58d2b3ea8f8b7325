// Journey 25: the programme in the guests' language. The Yangzhou delegation's visit has
// Chinese as its second language (its partner country is China) but no Chinese texts yet: the
// day list says what is missing; the officer writes an item's Chinese title, place and address
// beside the German ones; the bilingual PDF names what is still untranslated before it is
// written, and once exported anyway carries both texts (read back with pdftotext); the trip's
// title gets its Chinese version in the trip form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, choose, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, texts } from "../app.mjs";

const CEREMONY = "Begrüßung und Unterzeichnung des Memorandums";
const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

test("an officer writes an item's Chinese texts and hands out the programme in both languages", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title.startsWith("Delegation aus Yangzhou"));
  assert.equal(trip.second_language, "zh", "a trip to or from China starts with Chinese");
  const pdf = join(dir.home, "programm.pdf");

  const { browser, close } = await launch(dir, "partner-language", { PARTNERDESK_TEST_SAVE_FILE: pdf });
  try {
    await openTrip(browser, trip.title);
    await eventually(async () => (await texts(browser, '[data-testid="item-untranslated"]')).length === 2, { message: "both items marked" });

    const titles = await browser.$$('[data-testid="item-open"]');
    for (const title of titles) if ((await title.getText()) === CEREMONY) await title.click();
    const pair = await byTestId(browser, "item-translation");
    assert.match(await pair.getText(), /Rathaus Kaiserslautern/, "the German text stands beside its translation");
    await fill(browser, "#item-title-translation", "欢迎仪式暨签署备忘录");
    await fill(browser, "#item-place-translation", "凯泽斯劳滕市政厅");
    await fill(browser, "#item-address-translation", "凯泽斯劳滕市威利·勃兰特广场1号");
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "item-form-translation"), join(docs, "item-form-translation.png"));
    await click(browser, "item-save");
    await eventually(async () => (await listJson(dir.db, "items", "--trip", trip.id)).some((i) => i.title_translation === "欢迎仪式暨签署备忘录"), { message: "the translation saved" });
    await eventually(async () => (await texts(browser, '[data-testid="item-untranslated"]')).length === 1, { message: "one item left to translate" });
    assert.deepEqual(await texts(browser, '[data-testid="item-title-translation"]'), ["欢迎仪式暨签署备忘录"]);
    await screenshot(browser, "programme-translations");

    await click(browser, "trip-export");
    await click(browser, "export-format-pdf");
    await choose(browser, "#export-language", "de+zh");
    await click(browser, "export-save");
    await byTestId(browser, "export-missing");
    const entries = await texts(browser, '[data-testid="export-missing-entry"]');
    assert.equal(entries.length, 2, `the trip and the visit are named: ${entries}`);
    assert.match(entries[0], /Reise/);
    assert.match(entries[1], /Besuch von Start-ups und Forschungseinrichtungen/);
    assert.ok(!existsSync(pdf), "nothing written before the officer decides");
    await screenshot(browser, "export-missing-translations");
    await click(browser, "export-anyway");
    await eventually(() => existsSync(pdf) && statSync(pdf).size > 0, { message: "the PDF written", timeout: 15000 });
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const expected of [CEREMONY, "欢迎仪式暨签署备忘录", "凯泽斯劳滕市政厅", "Besuch von Start-ups"]) {
      assert.ok(text.includes(expected), `${expected} in the PDF`);
    }

    // The trip's own title gets its Chinese version in the trip form, and the details show it.
    await click(browser, "trip-edit");
    await fill(browser, "#trip-title-translation", "扬州代表团访问凯泽斯劳滕");
    await click(browser, "trip-save");
    await eventually(async () => (await listJson(dir.db, "trips")).some((t) => t.title_translation === "扬州代表团访问凯泽斯劳滕"), { message: "the trip's Chinese title saved" });
    await click(browser, "tab-details");
    assert.equal(await (await byTestId(browser, "trip-second-language")).getText(), "Chinesisch");
    assert.match(await (await byTestId(browser, "trip-details")).getText(), /扬州代表团访问凯泽斯劳滕/);
  } finally {
    await close();
  }
});
