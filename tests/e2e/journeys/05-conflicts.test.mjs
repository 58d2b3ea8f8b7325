// Journey 5: see conflicts at a glance — a member in two overlapping items, too little time
// between two places, an item that ends before it starts. Warnings, never blocks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf } from "../app.mjs";

async function addItem(browser, title, date, from, to, place) {
  await click(browser, "add-item");
  await fill(browser, "#item-title", title);
  await fill(browser, "#item-start-date", date);
  await fill(browser, "#item-start-time", from);
  await fill(browser, "#item-end-date", date);
  await fill(browser, "#item-end-time", to);
  await fill(browser, "#item-place", place);
}

test("conflicts in the programme are flagged but never block saving", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title.startsWith("Delegation aus Yangzhou"));
  const { browser, close } = await launch(dir, "conflicts");
  try {
    await openTrip(browser, trip.title);
    assert.equal((await browser.$$('[data-testid="warning"]')).length, 0, "the example programme is clean");

    // Overlaps the signing ceremony (10:00–12:00) for the whole delegation.
    await addItem(browser, "Pressegespräch", "08.07.2026", "11:30", "12:30", "Rathaus Kaiserslautern");
    await click(browser, "item-save");
    await eventually(async () => (await browser.$$('[data-testid="warning"]')).length === 1, { message: "overlap warning" });
    assert.match(await textOf(browser, "warnings"), /Xia Xinmin, Sun Hao, Xu Fang: gleichzeitig in „Begrüßung und Unterzeichnung des Memorandums“ und „Pressegespräch“/);

    // Ten minutes from the Rathaus to a restaurant elsewhere.
    await addItem(browser, "Mittagessen", "08.07.2026", "12:40", "13:30", "Restaurant am Stiftsplatz");
    await click(browser, "item-save");
    await eventually(async () => (await browser.$$('[data-testid="warning"]')).length === 2, { message: "transfer warning" });
    assert.match(await textOf(browser, "warnings"), /Nur 10 Min\. von „Pressegespräch“ zu „Mittagessen“/);

    // Ends before it starts: the form says so while typing, and still saves.
    await addItem(browser, "Stadtrundgang", "09.07.2026", "15:00", "14:00", "");
    await byTestId(browser, "ends-before-start");
    await click(browser, "item-save");
    await eventually(async () => (await browser.$$('[data-testid="warning"]')).length === 3, { message: "order warning" });
    assert.match(await textOf(browser, "warnings"), /„Stadtrundgang“ endet, bevor es beginnt/);
    assert.equal((await listJson(dir.db, "items", "--trip", trip.id)).length, 5, "warnings never block saving");
    assert.equal((await browser.$$('[data-testid="item-flag"]')).length, 4, "each item concerned carries a flag, the others none");
    await screenshot(browser, "conflicts");
  } finally {
    await close();
  }
});
