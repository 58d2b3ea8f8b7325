// Journey 19: whatever an officer deletes waits in the trash — a programme item comes back
// with "Undo", a removed delegation member from the trash, and emptying the trash asks first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, cli, click, eventually, expectTexts, freshDataDir, launch, listJson, openTrip, screenshot, texts } from "../app.mjs";

async function undoInNotice(browser) {
  const undo = await browser.$('[data-testid="notice"] button');
  await undo.waitForDisplayed({ timeout: 5000 });
  await undo.click();
}

test("deleted programme items and members wait in the trash until it is emptied", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title.startsWith("Delegation aus Yangzhou"));
  const items = await listJson(dir.db, "items", "--trip", trip.id);
  const members = await listJson(dir.db, "members", "--trip", trip.id);
  const { browser, close } = await launch(dir, "trash");
  try {
    await openTrip(browser, trip.title);
    const itemIds = async () => (await listJson(dir.db, "items", "--trip", trip.id)).map((item) => item.id);

    // An item deleted by mistake comes back with "Undo", with its participants.
    await (await browser.$$('[data-testid="item-open"]'))[0].click();
    await click(browser, "item-delete");
    await click(browser, "confirm-yes");
    await eventually(async () => (await itemIds()).length === items.length - 1, { message: "item deleted" });
    await undoInNotice(browser);
    await eventually(async () => (await itemIds()).length === items.length, { message: "item back" });
    const content = ({ sequence, updated_at, ...rest }) => rest;
    const back = (await listJson(dir.db, "items", "--trip", trip.id))[0];
    assert.deepEqual(content(back), content(items[0]), "the item is back as it was, with its hosts and outcome");
    assert.ok(back.sequence > items[0].sequence, "calendars take the item back over its cancellation");

    // Deleted again, it waits in the trash; so does a member taken off the delegation.
    await (await browser.$$('[data-testid="item-open"]'))[0].click();
    await click(browser, "item-delete");
    await click(browser, "confirm-yes");
    await eventually(async () => (await itemIds()).length === items.length - 1, { message: "item deleted again" });
    await click(browser, "tab-delegation");
    // The delegation list is read once the tab has loaded all of it.
    await eventually(async () => (await browser.$$('[data-testid="member-open"]')).length === members.length, { message: "delegation shown" });
    await (await browser.$$('[data-testid="member-open"]'))[members.length - 1].click();
    await click(browser, "member-remove");
    await click(browser, "confirm-yes");
    await eventually(async () => (await listJson(dir.db, "members", "--trip", trip.id)).length === members.length - 1, { message: "member removed" });

    await click(browser, "nav-trash");
    await expectTexts(browser, '[data-testid="trash-item-row"] .title', [items[0].title]);
    await expectTexts(browser, '[data-testid="trash-member-row"] .title', [members[members.length - 1].name_latin]);
    const context = await texts(browser, '[data-testid="trash-member-row"] td:nth-child(2)');
    assert.deepEqual(context, [trip.title], "the trash says which trip the member belonged to");
    await screenshot(browser, "trash-entries");

    // The member goes back into the delegation at their place.
    await click(browser, "restore-member");
    await eventually(async () => (await listJson(dir.db, "members", "--trip", trip.id)).length === members.length, { message: "member restored" });
    assert.deepEqual((await listJson(dir.db, "members", "--trip", trip.id)).map((m) => m.id), members.map((m) => m.id));

    // Emptying asks first; a "no" keeps everything.
    await click(browser, "empty-trash");
    await click(browser, "confirm-no");
    await expectTexts(browser, '[data-testid="trash-item-row"] .title', [items[0].title]);
    await click(browser, "empty-trash");
    await click(browser, "confirm-yes");
    await byTestId(browser, "trash-empty");
    assert.deepEqual(await itemIds(), items.slice(1).map((item) => item.id), "the item is gone for good");
  } finally {
    await close();
  }
});
