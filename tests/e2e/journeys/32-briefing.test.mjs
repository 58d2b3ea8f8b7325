// Issue 17, part 2: the briefing folder. From the Kreis Düren trip to Jinhua the officer writes
// the Gesprächsmappe for the Landrat: his own programme with the internal notes marked, a card
// for every person the delegation meets (the party secretary with the visit to Düren and the
// gifts exchanged, the firms' guests as first meetings), the partnership's history and what is
// open. The PDF is read back with pdftotext and its pages are rendered to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { artifacts, byTestId, cli, click, eventually, freshDataDir, launch, openTrip, screenshot } from "../app.mjs";

const JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

test("an officer writes the briefing folder for the Landrat of the Kreis Düren trip", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const folder = join(dir.home, "Gesprächsmappe.pdf");
  const { browser, close } = await launch(dir, "briefing", { PARTNERDESK_TEST_SAVE_FILE: folder });
  try {
    await openTrip(browser, JINHUA);
    await click(browser, "trip-briefing");
    await byTestId(browser, "export-briefing-hint");
    assert.equal(await (await browser.$('[data-testid="export-format-briefing"]')).isSelected(), true);
    assert.equal(await (await browser.$('[data-testid="export-member"]')).isSelected(), true, "made for one member");
    const reader = await (await browser.$("#export-member-choice")).getValue();
    const chosen = await browser.$(`#export-member-choice option[value="${reader}"]`);
    assert.equal(await chosen.getProperty("textContent"), "Wolfgang Spelthahn", "the head of the delegation first");
    await screenshot(browser, "briefing-dialog");
    await click(browser, "export-save");
    await eventually(() => existsSync(folder) && readFileSync(folder).subarray(0, 4).toString() === "%PDF", { message: "the folder written" });

    const text = execFileSync("pdftotext", [folder, "-"], { encoding: "utf8" }).split(/\s+/).join(" ");
    for (const expected of [
      "Gesprächsmappe",
      "Für Landrat Wolfgang Spelthahn",
      "Intern: Sitzordnung mit dem Außenamt Jinhua abgestimmt.",
      "Gesprächspartner",
      "Parteisekretär Zhu Chonglie",
      "06/2026 · Besuch der Delegation aus Jinhua in Düren",
      "Erste Begegnung.",
      "Offene Zusagen und Aufgaben",
      "Jinhua ist der Zeit zu Hause 6 Stunden voraus.",
    ]) {
      assert.ok(text.includes(expected), `${expected} is in the folder`);
    }
    assert.ok(!text.includes("vegetarisch"), "the members' dietary needs never are");
    execFileSync("pdftoppm", ["-r", "60", "-png", folder, join(artifacts, "briefing-page")]);
  } finally {
    await close();
  }
});
