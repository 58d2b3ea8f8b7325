// Journey 6: start well — an empty database offers the example data once and never loads
// it silently; the language can be switched and stays switched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { byTestId, choose, click, eventually, fill, freshDataDir, launch, listJson, skipWelcome, texts } from "../app.mjs";

test("on first start the example data is offered, loaded on request, and not offered again", async () => {
  const dir = freshDataDir();
  let session = await launch(dir, "first-start");
  try {
    await byTestId(session.browser, "welcome", { timeout: 15000 });
    assert.deepEqual(await listJson(dir.db, "trips"), [], "nothing is loaded before the user answers");
    await click(session.browser, "welcome-load");
    await eventually(async () => (await session.browser.$$('[data-testid="trip-row"]')).length === 4, { message: "example trips" });
    const titles = await texts(session.browser, '[data-testid="trip-row"] .row-link');
    assert.ok(titles.includes("Delegationsreise des Kreises Düren in die Städteregion Jinhua"));
    assert.ok(titles.includes("Besuch der Delegation aus Jinhua in Düren"));
    // The list filters as the officer types.
    await fill(session.browser, '[data-testid="trip-search"]', "düren");
    await eventually(async () => (await session.browser.$$('[data-testid="trip-row"]')).length === 2, { message: "filtered trips" });
  } finally {
    await session.close();
  }

  session = await launch(dir, "first-start-again");
  try {
    await byTestId(session.browser, "trip-list", { timeout: 15000 });
    await sleep(500);
    assert.equal(await (await session.browser.$('[data-testid="welcome"]')).isDisplayed(), false);
  } finally {
    await session.close();
  }
});

test("starting empty is remembered, and the language setting switches and stays", async () => {
  const dir = freshDataDir();
  let session = await launch(dir, "start-empty");
  try {
    await skipWelcome(session.browser);
    await byTestId(session.browser, "trips-empty");
    await click(session.browser, "nav-settings");
    await choose(session.browser, "#settings-language", "en");
    await eventually(async () => (await (await session.browser.$('[data-testid="nav-trips"]')).getText()) === "Trips", { message: "English navigation" });
  } finally {
    await session.close();
  }

  session = await launch(dir, "start-empty-again");
  try {
    const empty = await byTestId(session.browser, "trips-empty", { timeout: 15000 });
    assert.match(await empty.getText(), /No trips yet/);
    assert.equal(await (await session.browser.$('[data-testid="welcome"]')).isDisplayed(), false);
    assert.deepEqual(await listJson(dir.db, "trips"), []);
  } finally {
    await session.close();
  }
});
