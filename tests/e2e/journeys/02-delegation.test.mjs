// Journey 2: keep the delegation — members with names in two scripts, order of precedence
// changed by keyboard and by drag and drop, sensitive fields only on the member's own view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, choose, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const LUZHOU = "Delegationsreise nach Luzhou";

/** The Luzhou trip of the example data: its delegation is still empty. */
async function openLuzhou(browser, tab) {
  await openTrip(browser, LUZHOU);
  await click(browser, `tab-${tab}`);
}

async function addMember(browser, fields) {
  await click(browser, "add-member");
  for (const [selector, value] of Object.entries(fields)) {
    if (selector === "#member-role") await choose(browser, selector, value);
    else await fill(browser, selector, value);
  }
  await click(browser, "member-save");
}

test("an officer keeps the delegation in order of precedence", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const luzhou = (await listJson(dir.db, "trips")).find((trip) => trip.title === LUZHOU);
  assert.equal((await listJson(dir.db, "members", "--trip", luzhou.id)).length, 0);
  const { browser, close } = await launch(dir, "delegation");
  try {
    await openLuzhou(browser, "delegation");
    await addMember(browser, {
      "#member-name-latin": "Zhu Chonglie",
      "#member-name-original": "朱重烈",
      "#member-function": "Parteisekretär",
      "#member-role": "head",
      "#member-passport": "E98765432",
      "#member-birth": "02.03.1965",
      "#member-dietary": "kein Schweinefleisch",
    });
    await eventually(async () => (await texts(browser, ".member-name")).length === 1, { message: "first member" });
    await addMember(browser, { "#member-name-latin": "Wang Wei", "#member-name-original": "王伟" });
    await eventually(async () => (await texts(browser, ".member-name")).length === 2, { message: "second member" });
    await addMember(browser, { "#member-name-latin": "Frank Peter Ullrich", "#member-function": "Bürgermeister", "#member-party": "SPD" });
    await eventually(async () => (await texts(browser, ".member-name")).length === 3, { message: "third member" });

    // The same person twice: a message at the name, nothing saved.
    await addMember(browser, { "#member-name-latin": "wang  wei" });
    assert.match(await textOf(browser, "error-member-name-latin"), /bereits in der Delegation/);
    await click(browser, "member-form"); // keeps focus in the dialog
    await browser.keys("Escape");
    assert.equal((await listJson(dir.db, "members", "--trip", luzhou.id)).length, 3);

    // Lists never show the passport number or the birth date.
    const listText = await textOf(browser, "member-list");
    assert.ok(listText.includes("朱重烈") && listText.includes("kein Schweinefleisch"));
    assert.ok(!listText.includes("E98765432") && !listText.includes("1965"));

    // Reorder with the keyboard: Ullrich moves up twice to the top.
    const rows = await browser.$$('[data-testid="member-row"]');
    await browser.execute((row) => row.focus(), rows[2]);
    for (let i = 0; i < 2; i += 1) {
      await browser.action("key").down("\uE00A").down("\uE013").up("\uE013").up("\uE00A").perform();
      await browser.pause(200);
    }
    await eventually(async () => (await texts(browser, ".member-name"))[0] === "Frank Peter Ullrich", { message: "keyboard reorder" });
    const announced = await browser.execute(() => document.querySelector('[data-testid="order-announcement"]').textContent);
    assert.equal(announced, "Frank Peter Ullrich ist jetzt auf Platz 1.");
    let stored = await listJson(dir.db, "members", "--trip", luzhou.id);
    assert.deepEqual(stored.map((m) => [m.name_latin, m.precedence]), [["Frank Peter Ullrich", 1], ["Zhu Chonglie", 2], ["Wang Wei", 3]]);

    // Reorder with the mouse: drag Zhu Chonglie by the handle onto the first place.
    const handles = await browser.$$('[data-testid="member-handle"]');
    const [firstRow] = await browser.$$('[data-testid="member-row"]');
    await browser
      .action("pointer")
      .move({ origin: handles[1] })
      .down()
      .move({ origin: firstRow, duration: 150 })
      .move({ origin: firstRow, y: -4, duration: 50 })
      .up()
      .perform();
    await eventually(async () => (await texts(browser, ".member-name"))[0] === "Zhu Chonglie", { message: "drag reorder" });
    stored = await listJson(dir.db, "members", "--trip", luzhou.id);
    assert.deepEqual(stored.map((m) => m.name_latin), ["Zhu Chonglie", "Frank Peter Ullrich", "Wang Wei"]);
    await screenshot(browser, "delegation");

    // The sensitive fields appear on the member's own view.
    await (await browser.$$('[data-testid="member-open"]'))[0].click();
    assert.equal(await textOf(browser, "member-passport"), "E98765432");
    assert.match(await textOf(browser, "member-sensitive"), /02\.03\.1965/);
    await screenshot(browser, "member-detail");

    // Remove a member, after a question.
    await click(browser, "member-remove");
    await click(browser, "confirm-yes");
    await eventually(async () => (await texts(browser, ".member-name")).length === 2, { message: "member removed" });
    assert.deepEqual((await listJson(dir.db, "members", "--trip", luzhou.id)).map((m) => m.name_latin), ["Frank Peter Ullrich", "Wang Wei"]);
    await byTestId(browser, "member-list");
  } finally {
    await close();
  }
});
