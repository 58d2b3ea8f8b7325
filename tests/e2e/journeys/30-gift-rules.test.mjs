// Issue 16, part 3: gifts within the rules. The officer sets the office's value limit (a
// negative one is refused at its field), records a received gift above it on a trip and sees
// it flagged, records the decision and ticks it for publication; the register shows the gifts
// still undecided, a gift without a trip names its partnership, and the public list of the
// year is saved and read back by LibreOffice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { byTestId, choose, cli, click, eventually, expectContents, fill, freshDataDir, launch, listJson, openTrip, pickFromRegister, screenshot, textContents } from "../app.mjs";

const JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

test("an officer records a gift above the limit, its decision, and saves the year's public list", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const publicList = join(dir.home, "Geschenke 2026.xlsx");
  const { browser, close } = await launch(dir, "gift-rules", { PARTNERDESK_TEST_SAVE_FILE: publicList });
  try {
    // The office's rule: above 40 euros the Landrat decides.
    await click(browser, "nav-settings");
    await fill(browser, "#gift-rules-limit", "-5");
    await (await browser.$("#gift-rules-decided-by")).click();
    await expectContents(browser, '[data-testid="error-gift-rules-limit"]', ["Der Wert darf nicht negativ sein."]);
    await fill(browser, "#gift-rules-limit", "40");
    await fill(browser, "#gift-rules-decided-by", "Landrat Wolfgang Spelthahn");
    await (await browser.$("#gift-rules-limit")).click();
    await eventually(async () => (await cli(dir.db, "list", "gifts", "--year", "2026")).length > 0 && true, { message: "settings saved" });
    await (await byTestId(browser, "gift-rules")).scrollIntoView();
    await screenshot(browser, "settings-gift-rules");

    // A received gift worth 60 euros is flagged until its decision is recorded.
    await openTrip(browser, JINHUA);
    await click(browser, "tab-gifts");
    await click(browser, "add-gift");
    await click(browser, "gift-received");
    await fill(browser, "#gift-description", "Jadeschnitzerei „Kranich“");
    await pickFromRegister(browser, "#gift-giver", "Zhu Chong");
    await pickFromRegister(browser, "#gift-recipient", "Spelthahn");
    await fill(browser, "#gift-given-on", "24.10.2026");
    await fill(browser, "#gift-value", "60");
    await click(browser, "gift-save");
    await eventually(async () => (await textContents(browser, '[data-testid="gift-needs-decision"]')).length === 1, { message: "the flag" });
    const flagged = await listJson(dir.db, "gifts", "--year", "2026");
    assert.equal(flagged.find((gift) => gift.description === "Jadeschnitzerei „Kranich“").needs_decision, true);

    for (const row of await browser.$$('[data-testid="gift-description"]')) {
      if ((await row.getProperty("textContent")) === "Jadeschnitzerei „Kranich“") {
        await row.click();
        break;
      }
    }
    await expectContents(browser, '[data-testid="gift-form-needs-decision"]', ["Entscheidung fehlt"]);
    const [hint] = await textContents(browser, '[data-testid="gift-decision-block"] .hint');
    assert.match(hint, /^Über 40,00\s€ entscheidet Landrat Wolfgang Spelthahn\./);
    await choose(browser, "#gift-decision", "kept_by_office");
    await fill(browser, "#gift-decided-by", "Landrat Wolfgang Spelthahn");
    await fill(browser, "#gift-decided-on", "03.11.2026");
    await click(browser, "gift-published");
    await screenshot(browser, "gift-form-decision");
    await click(browser, "gift-save");
    await eventually(async () => (await textContents(browser, '[data-testid="gift-needs-decision"]')).length === 0, { message: "the flag gone" });
    const jade = (await listJson(dir.db, "gifts", "--year", "2026")).find((gift) => gift.description === "Jadeschnitzerei „Kranich“");
    assert.deepEqual([jade.decision, jade.decided_on, jade.published, jade.value_cents], ["kept_by_office", "2026-11-03", true, 6000]);

    // The register: the lacquer box from Yangzhou (900 CNY) still waits for a decision.
    await click(browser, "nav-gifts");
    await click(browser, "gift-undecided-count");
    await expectContents(browser, '[data-testid="gift-row"] [data-testid="gift-description"]', ["Lackschatulle mit Perlmutteinlagen (Yangzhouer Lackkunst)"]);
    await screenshot(browser, "gifts-undecided");
    await click(browser, "gift-undecided");

    // A gift without a trip: it names its partnership (or at least its occasion).
    await click(browser, "add-gift-without-trip");
    await click(browser, "gift-received");
    await fill(browser, "#gift-description", "Bildband „Jinhua im Wandel“");
    await fill(browser, "#gift-given-on", "01.12.2026");
    await click(browser, "gift-save");
    await expectContents(browser, '[data-testid="error-gift-occasion"]', ["Ein Geschenk ohne Reise braucht eine Partnerschaft oder einen Anlass."]);
    await (await browser.$("#gift-partnership")).selectByVisibleText("Stadt Düren – Jinhua");
    await fill(browser, "#gift-occasion", "Jahresgespräch der Partnerstädte");
    await click(browser, "gift-save");
    // The register lists the Glückspavillon for the same partnership too: the new gift's own row names it.
    await eventually(async () => (await textContents(browser, '[data-testid="gift-row"]'))
      .some((row) => row.includes("Bildband „Jinhua im Wandel“") && row.includes("Stadt Düren – Jinhua")), { message: "the gift's row naming its partnership" });
    const book = (await listJson(dir.db, "gifts", "--year", "2026")).find((gift) => gift.description === "Bildband „Jinhua im Wandel“");
    assert.deepEqual([book.trip_id, book.occasion, book.needs_decision], [null, "Jahresgespräch der Partnerstädte", false]);

    // The public list of 2026: the four gifts the office decided to publish.
    await choose(browser, '[data-testid="gift-year"]', "2026");
    await click(browser, "gift-public-list");
    await click(browser, "public-list-xlsx");
    await screenshot(browser, "public-list-dialog");
    await click(browser, "public-list-save");
    await eventually(() => existsSync(publicList), { message: "the public list written" });
    const csvDir = join(dir.home, "csv");
    mkdirSync(csvDir);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir.home, "lo-profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", csvDir, publicList], { stdio: "ignore" });
    const rows = readFileSync(join(csvDir, "Geschenke 2026.csv"), "utf8").trim().split("\n");
    assert.equal(rows[0].split(",")[0], "Angenommene Geschenke 2026");
    const published = rows.slice(3).map((row) => row.split(",")[0]);
    assert.deepEqual(published, ["2026-06-16", "2026-10-23", "2026-10-24", "2026-10-26"]);
    assert.ok(rows.some((row) => row.includes("Jadeschnitzerei") && row.includes("Verbleibt im Haus") && row.includes("60")), rows.join("\n"));
    assert.ok(!rows.some((row) => row.includes("Lackschatulle")), "an undecided gift is not published");
  } finally {
    await close();
  }
});
