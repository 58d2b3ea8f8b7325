// Issue 18: limits on every input. A title pasted one character over its limit is counted and
// named in the form as it is typed; saved anyway, the core refuses it at its field and nothing
// is stored; at the limit the trip is saved whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import { click, eventually, expectContents, fill, freshDataDir, launch, listJson, screenshot, skipWelcome, textOf } from "../app.mjs";

test("a text over its limit is shown as the officer types and refused on saving", async () => {
  const dir = freshDataDir();
  const { browser, close } = await launch(dir, "text-limits");
  try {
    await skipWelcome(browser);
    await click(browser, "nav-trips");
    await click(browser, "new-trip");
    const title = "Delegationsreise nach Jinhua ".repeat(11).slice(0, 300);
    await fill(browser, "#trip-title", `${title}!`);
    await fill(browser, "#trip-start", "21.10.2026");
    await fill(browser, "#trip-end", "27.10.2026");
    await fill(browser, "#trip-partner-place", "Jinhua");
    await fill(browser, "#trip-time-zone", "Asia/Shanghai");
    assert.equal(await textOf(browser, "count-trip-title"), "301 / 300");
    await expectContents(browser, '[data-testid="error-trip-title"]', ["Höchstens 300 Zeichen – eingegeben sind 301."]);
    await browser.execute(() => document.querySelector("#trip-title").scrollIntoView({ block: "center" }));
    await screenshot(browser, "trip-form-over-limit");

    await click(browser, "trip-save");
    await expectContents(browser, '[data-testid="error-trip-title"]', ["Höchstens 300 Zeichen."]);
    assert.deepEqual(await listJson(dir.db, "trips"), [], "nothing is stored");

    await fill(browser, "#trip-title", title);
    assert.equal(await textOf(browser, "count-trip-title"), "300 / 300");
    await click(browser, "trip-save");
    await eventually(async () => (await listJson(dir.db, "trips")).length === 1, { message: "the trip saved" });
    assert.equal((await listJson(dir.db, "trips"))[0].title, title);
  } finally {
    await close();
  }
});
