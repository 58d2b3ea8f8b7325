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
    await eventually(async () => (await texts(session.browser, '[data-testid="next-trip"] .title')).includes("Delegationsreise nach Luzhou"), { message: "the overview shows the next example trip" });
    await click(session.browser, "nav-trips");
    await eventually(async () => (await session.browser.$$('[data-testid="trip-row"]')).length === 5, { message: "example trips" });
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
    await byTestId(session.browser, "overview", { timeout: 15000 });
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
    assert.match(await (await byTestId(session.browser, "next-trips")).getText(), /Es ist keine Reise geplant/);
    await click(session.browser, "nav-trips");
    await byTestId(session.browser, "trips-empty");
    await click(session.browser, "nav-settings");
    await choose(session.browser, "#settings-language", "en");
    await eventually(async () => (await (await session.browser.$('[data-testid="nav-trips"]')).getText()) === "Trips", { message: "English navigation" });
  } finally {
    await session.close();
  }

  session = await launch(dir, "start-empty-again");
  try {
    await eventually(async () => /No trip is planned/.test(await (await byTestId(session.browser, "next-trips", { timeout: 15000 })).getText()), { message: "the overview in English" });
    await click(session.browser, "nav-trips");
    const empty = await byTestId(session.browser, "trips-empty");
    assert.match(await empty.getText(), /No trips yet/);
    assert.equal(await (await session.browser.$('[data-testid="welcome"]')).isDisplayed(), false);
    assert.deepEqual(await listJson(dir.db, "trips"), []);
  } finally {
    await session.close();
  }
});
