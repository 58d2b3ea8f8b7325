// One search for the whole office: Ctrl+K from any screen, 黄磊 typed in characters finds the
// person and Enter opens their page; the words of a programme item find the item, and Enter
// opens its trip at that item; a pinyin spelling without tones and an umlaut spelled out find too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, cli, click, eventually, freshDataDir, launch, screenshot, textOf, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

async function searchFor(browser, typed) {
  await browser.keys(["Control", "k"]);
  const input = await byTestId(browser, "search-input");
  await eventually(async () => (await browser.getActiveElement()) && (await input.isFocused()), { message: "the search field has the focus" });
  await input.setValue(typed);
  await eventually(async () => (await texts(browser, '[data-testid="search-hit"]')).length > 0, { message: `hits for ${typed}` });
  return texts(browser, '[data-testid="search-hit"]');
}

test("Ctrl+K finds a person by two Chinese characters and an item by its words, and Enter opens each where it lives", async () => {
  const data = freshDataDir();
  await cli(data.db, "demo");
  const app = await launch(data, "search");
  try {
    const { browser } = app;
    await click(browser, "nav-tasks");

    const people = await searchFor(browser, "黄磊");
    assert.ok(people[0].startsWith("Huang Lei"), people.join(" | "));
    await screenshot(browser, "search-chinese");
    await browser.keys(["Enter"]);
    await eventually(async () => (await textOf(browser, "person-name")).includes("Huang Lei"), { message: "the person's page" });

    const items = await searchFor(browser, "Konferenz Zusammenarbeit");
    assert.ok(items.some((hit) => hit.startsWith("Empfang und Konferenz zur Zusammenarbeit")), items.join(" | "));
    await browser.keys(["Enter"]);
    await eventually(async () => (await textOf(browser, "trip-title")) === TO_JINHUA, { message: "the item's trip" });
    await eventually(async () => {
      const sought = await browser.$('[data-testid="programme-item"].sought');
      return (await sought.isExisting()) && (await sought.getText()).includes("Empfang und Konferenz zur Zusammenarbeit");
    }, { message: "the item shown on its day" });

    const spelled = await searchFor(browser, "Dueren Staedteregion");
    assert.ok(spelled[0].startsWith(TO_JINHUA), spelled.join(" | "));
    await browser.keys(["Escape"]);
    await eventually(async () => !(await browser.$('[data-testid="search-input"]').isDisplayed()), { message: "the search closed" });

    await click(browser, "nav-search");
    await (await byTestId(browser, "search-input")).setValue("huanglei");
    await eventually(async () => (await texts(browser, '[data-testid="search-hit"]')).some((hit) => hit.startsWith("Huang Lei")), { message: "pinyin run together" });
    await screenshot(browser, "search-pinyin");
  } finally {
    await app.close();
  }
});
