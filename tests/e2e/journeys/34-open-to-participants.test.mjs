// Issue 16, part 2: opening a trip to participants. The Kreis Düren's trip to Jinhua takes no
// registrations yet; the officer opens it with a deadline and a cost share per person. A date
// that does not exist and a cost share with four decimals are refused at their fields as typed,
// and the invitation is saved once both are mended; it is opened again with what was saved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, cli, click, eventually, expectContents, fill, freshDataDir, launch, openTrip, screenshot, textOf } from "../app.mjs";

const TRIP = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

test("an officer opens an outgoing trip to participants with a deadline and a cost share", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "open-to-participants");
  try {
    await openTrip(browser, TRIP);
    await click(browser, "tab-registrations");
    await byTestId(browser, "registration-closed");
    await click(browser, "open-registration");
    await byTestId(browser, "invitation-form");

    await fill(browser, "#invitation-deadline", "31.02.2026");
    await fill(browser, "#invitation-cost-share", "250,5055");
    await expectContents(browser, '[data-testid="error-invitation-deadline"]', ["Kein gültiges Datum (TT.MM.JJJJ)."]);
    await expectContents(browser, '[data-testid="error-invitation-cost-share"]', ["Zu viele Nachkommastellen für diese Währung (Euro: zwei)."]);
    await screenshot(browser, "invitation-form");

    await fill(browser, "#invitation-deadline", "15.09.2026");
    await fill(browser, "#invitation-cost-share", "250,50");
    await fill(browser, "#invitation-notes", "Anmeldung über das Büro des Landrats.");
    await click(browser, "invitation-save");
    await eventually(async () => /15\.09\.2026/.test(await textOf(browser, "registration-deadline")), { message: "the trip open to participants" });
    assert.match(await textOf(browser, "trip-registrations"), /250,50\s€/);
    await screenshot(browser, "registrations-opened");

    await click(browser, "edit-invitation");
    await byTestId(browser, "invitation-form");
    assert.equal(await (await browser.$("#invitation-cost-share")).getValue(), "250,50");
    assert.equal(await (await browser.$("#invitation-deadline")).getValue(), "15.09.2026");
  } finally {
    await close();
  }
});
