// Journey 4: read the programme in local time with home time beside it, correct across
// the German change from summer to winter time on 25 October 2026.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot } from "../app.mjs";

const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

async function row(browser, title) {
  for (const item of await browser.$$('[data-testid="programme-item"]')) {
    if ((await (await item.$('[data-testid="item-open"]')).getText()) === title) return item;
  }
  throw new Error(`no item ${title}`);
}

async function times(browser, title) {
  const item = await row(browser, title);
  const read = async (selector) => (await (await item.$(selector)).getText()).replace(/\s+/g, " ").trim();
  return [await read(".time"), await read('[data-testid="item-home"]')];
}

test("the day list shows local time and home time across the clock change", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title.startsWith("Delegationsreise des Kreises Düren"));
  const { browser, close } = await launch(dir, "home-time");
  try {
    await openTrip(browser, trip.title);
    assert.equal((await browser.$$('[data-testid="programme-day"]')).length, 7);

    // Before the change Berlin is six hours behind Shanghai (MESZ), after it seven (MEZ).
    assert.deepEqual(await times(browser, "Besuch der Zhejiang Normal University"), ["09:30–11:30 CST", "03:30–05:30 MESZ"]);
    assert.deepEqual(await times(browser, "Arbeitsgespräch: nächste Schritte der Kooperation"), ["09:00–11:00 CST", "02:00–04:00 MEZ"]);
    // The outbound flight departs in Berlin time and lands the next day in Shanghai.
    assert.deepEqual(await times(browser, "Flug CA 936 Frankfurt – Shanghai Pudong"), ["21:30–15:00+1 Tag MESZ → CST", "21:30–09:00 MESZ"]);

    await screenshot(browser, "programme-jinhua");
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "programme-jinhua"), join(docs, "programme-jinhua.png"));

    // With Shanghai as home zone the home column empties for items there.
    await click(browser, "nav-settings");
    await fill(browser, "#settings-home-zone", "Asia/Shanghai");
    await browser.keys("Tab");
    await eventually(async () => (await listJson(dir.db, "trips")).length === 5 && (await browser.$('[data-testid="notice"]')).isDisplayed(), { message: "settings saved" });
    await click(browser, "nav-trips");
    await openTrip(browser, trip.title);
    await eventually(async () => (await times(browser, "Besuch der Zhejiang Normal University"))[1] === "", { message: "no home time in Shanghai" });
  } finally {
    await close();
  }
});
