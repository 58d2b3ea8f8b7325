// Issue 17, part 1: the annual partnership report. The officer opens "Bericht", picks 2026,
// sees the year's figures and the delegations' make-up, leaves a partnership out, writes a
// foreword and saves the archival PDF with its charts (read back with pdftotext); the report is
// listed with its choices and written again; then it is saved as Word, read by LibreOffice. A
// single gift is left out too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { artifacts, choose, cli, click, eventually, expectContents, fill, freshDataDir, launch, screenshot, textContents, textOf } from "../app.mjs";

test("an officer writes the 2026 partnership report from the window", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const saved = join(dir.home, "Partnerschaftsbericht 2026.pdf");
  const { browser, close } = await launch(dir, "report", { PARTNERDESK_TEST_SAVE_FILE: saved });
  try {
    await click(browser, "nav-report");
    await choose(browser, '[data-testid="report-year"]', "2026");
    await eventually(async () => (await textOf(browser, "report-trips-incoming")) === "2", { message: "the year's figures" });
    assert.equal(await textOf(browser, "report-trips-outgoing"), "1");
    const trips = await textContents(browser, '[data-testid="report-trip"]');
    assert.ok(trips.some((trip) => trip.includes("1 × Landrat (CDU)") && trip.includes("4 × Mitglied des Kreistags (SPD, Grüne, FDP, AfD)")), trips.join("\n"));
    await screenshot(browser, "report");

    // Kaiserslautern–Yangzhou left out: only Jinhua's visit is hosted that year.
    for (const label of await browser.$$('[data-testid="report-included"] label')) {
      if ((await label.getProperty("textContent")).includes("Yangzhou")) await (await label.$("input")).click();
    }
    await eventually(async () => (await textOf(browser, "report-trips-incoming")) === "1", { message: "one partnership left out" });
    // A single gift left out: struck through in the window, missing from the report.
    for (const gift of await browser.$$('[data-testid="report-gift"]')) {
      if ((await gift.getProperty("textContent")).includes("Porzellanteller")) await (await gift.$('[data-testid="report-gift-included"]')).click();
    }
    await eventually(async () => {
      for (const gift of await browser.$$('[data-testid="report-gift"]')) {
        if ((await gift.getProperty("textContent")).includes("Porzellanteller")) return (await gift.getAttribute("class")).includes("left-out");
      }
      return false;
    }, { message: "the gift left out" });
    await browser.execute(() => document.querySelector('[data-testid="report-gift"]').scrollIntoView({ block: "center" }));
    await screenshot(browser, "report-items");
    await fill(browser, "#report-foreword", "Bericht an den Kreistag über das Jahr 2026.");
    await click(browser, "report-save");
    await eventually(() => existsSync(saved) && readFileSync(saved).subarray(0, 4).toString() === "%PDF", { message: "the PDF written" });
    const text = execFileSync("pdftotext", [saved, "-"], { encoding: "utf8" });
    assert.ok(text.includes("Bericht an den Kreistag über das Jahr 2026.") && text.includes("Reisen je Jahr und Partnerschaft"), text);
    assert.ok(!text.includes("Wirtschaftsregion Kaiserslautern (WFK) – Yangzhou"), "the partnership left out");
    assert.ok(text.includes("Teeservice") && !text.includes("Porzellanteller"), "the gift left out");
    execFileSync("pdftoppm", ["-r", "50", "-png", saved, join(artifacts, "report-page")]);
    await expectContents(browser, '[data-testid="report-written-row"] td:nth-child(2)', ["2026"]);

    rmSync(saved);
    await click(browser, "report-write-again");
    await eventually(() => existsSync(saved), { message: "written again" });
    assert.equal((await textContents(browser, '[data-testid="report-written-row"]')).length, 2);

    // The same report as Word for the council's template, read back by LibreOffice.
    rmSync(saved);
    await choose(browser, '[data-testid="report-format"]', "docx");
    await click(browser, "report-save");
    await eventually(() => existsSync(saved) && readFileSync(saved).subarray(0, 2).toString() === "PK", { message: "the DOCX written" });
    const docx = join(dir.home, "bericht.docx");
    renameSync(saved, docx);
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir.home, "lo-profile")}`, "--headless", "--convert-to", "txt:Text", "--outdir", dir.home, docx]);
    const words = readFileSync(join(dir.home, "bericht.txt"), "utf8");
    assert.ok(words.includes("Bericht an den Kreistag über das Jahr 2026.") && words.includes("Kreis Düren – Jinhua (Städteregion)"), words);
    await expectContents(browser, '[data-testid="report-written-row"] td:nth-child(4)', ["DOCX · DE", "PDF · DE", "PDF · DE"]);
  } finally {
    await close();
  }
});
