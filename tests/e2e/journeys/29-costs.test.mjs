// Issue 16, part 1: what a trip costs. The officer reads the ECB's rate file into the settings
// and types a rate (a rate of 0 is refused at its field), adds a cost line in yuan (three
// decimals refused as typed) that takes the rate of its day and shows in euros, and one in euros
// on the partnership budget line; the approved plan is flagged as changed, sent again and
// approved; the workbook and the office's PDF are saved from the tab; a line gets a receipt, goes to the trash and comes back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byTestId, choose, cli, click, eventually, expectContents, fill, freshDataDir, launch, listJson, openTrip, screenshot, textContents } from "../app.mjs";

const JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

async function tripId(db, title) {
  return (await listJson(db, "trips")).find((trip) => trip.title === title).id;
}

async function contentOf(browser, testId) {
  const [text] = await textContents(browser, `[data-testid="${testId}"]`);
  return text ?? "";
}

test("an officer costs a trip in two currencies, sees the budget view and has the changed plan approved again", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const ratesFile = join(dir.home, "eurofxref.csv");
  writeFileSync(ratesFile, "Date, USD, JPY, CNY, \n24 October 2026, 1.0812, 161.90, 7.8000, \n");
  const workbook = join(dir.home, "Kosten.xlsx");
  const { browser, close } = await launch(dir, "costs", { PARTNERDESK_TEST_PICK_FILE: ratesFile, PARTNERDESK_TEST_SAVE_FILE: workbook });
  try {
    const jinhua = await tripId(dir.db, JINHUA);

    // The rates: the ECB file of the day, and a rate typed by hand (0 is refused).
    await click(browser, "nav-settings");
    await click(browser, "rates-import");
    await eventually(async () => {
      const rows = (await textContents(browser, '[data-testid="rate-row"]')).slice(0, 3);
      return rows.length === 3 && rows.every((row, at) => row.startsWith(`24.10.2026${["CNY", "JPY", "USD"][at]}`));
    }, { message: "the rates of the ECB file first" });
    await fill(browser, '[data-testid="rate-currency"]', "usd");
    await fill(browser, "#rate-day", "25.10.2026");
    await fill(browser, '[data-testid="rate-value"]', "0");
    await click(browser, "rate-add");
    await expectContents(browser, '[data-testid="rate-error"]', ["Der Kurs muss größer als 0 sein."]);
    await fill(browser, '[data-testid="rate-value"]', "1,0799");
    await click(browser, "rate-add");
    await eventually(async () => (await textContents(browser, '[data-testid="rate-row"]'))[0]?.includes("1,0799"), { message: "the typed rate first" });
    await (await byTestId(browser, "exchange-rates")).scrollIntoView();
    await screenshot(browser, "settings-rates");

    // The trip's costs as the example data has them: approved by the Landrat.
    await openTrip(browser, JINHUA);
    await click(browser, "tab-costs");
    await eventually(async () => (await contentOf(browser, "cost-approval-state")).includes("Landrat Wolfgang Spelthahn"), { message: "the approval" });
    assert.equal((await textContents(browser, '[data-testid="cost-row"]')).length, 9);
    const plannedBefore = await contentOf(browser, "cost-total-planned");

    // A line in yuan on the day of the ECB rate: three decimals are refused as they are typed.
    await click(browser, "add-cost");
    await choose(browser, "#cost-category", "hospitality");
    await fill(browser, "#cost-description", "Empfang der Unternehmerdelegation");
    await fill(browser, "#cost-currency", "CNY");
    await fill(browser, "#cost-planned", "0,125");
    await expectContents(browser, '[data-testid="error-cost-planned"]', ["Zu viele Nachkommastellen für diese Währung (Euro: zwei)."]);
    await fill(browser, "#cost-planned", "3.900");
    await fill(browser, "#cost-spent-on", "24.10.2026");
    await eventually(async () => (await (await browser.$("#cost-rate")).getValue()) === "7,8", { message: "the ECB rate of the day proposed" });
    await screenshot(browser, "cost-form");
    await click(browser, "cost-save");
    await eventually(async () => (await listJson(dir.db, "costs", "--trip", jinhua)).length === 10, { message: "the line saved" });
    const reception = (await listJson(dir.db, "costs", "--trip", jinhua)).find((line) => line.description === "Empfang der Unternehmerdelegation");
    assert.deepEqual([reception.planned_minor, reception.per_euro, reception.rate_on, reception.planned_cents], [390000, "7.8", "2026-10-24", 50000]);

    // The approved plan has changed: the line and the approval say so.
    await eventually(async () => (await contentOf(browser, "cost-changed-since-approval")).includes("seit der Genehmigung geändert"), { message: "the flag" });
    assert.notEqual(await contentOf(browser, "cost-total-planned"), plannedBefore);
    assert.deepEqual(await textContents(browser, '[data-testid="cost-changed"]'), ["nach Genehmigung geändert"]);

    // A line in euros on the district's budget line for partnerships.
    await click(browser, "add-cost");
    await choose(browser, "#cost-category", "rail");
    await fill(browser, "#cost-description", "Bahnfahrt Düren – Frankfurt Flughafen");
    await fill(browser, "#cost-planned", "412,80");
    await fill(browser, "#cost-actual", "398,40");
    await eventually(async () => (await browser.$$("#cost-budget-line option")).length === 2, { message: "the budget lines of 2026" });
    const [, line2026] = await browser.$$("#cost-budget-line option");
    await choose(browser, "#cost-budget-line", await line2026.getAttribute("value"));
    await click(browser, "cost-save");
    await eventually(async () => (await listJson(dir.db, "costs", "--trip", jinhua)).some((line) => line.category === "rail" && line.actual_cents === 39840), { message: "the rail line" });
    await expectContents(browser, '[data-testid="cost-budget-line-row"] td:first-child', ["1.11.01-54310 Städtepartnerschaften und internationale Beziehungen"]);
    assert.match((await textContents(browser, '[data-testid="cost-by-bearer-row"]'))[0], /^Unser Haus/);

    // Sent again and approved: by whom is asked for first.
    await click(browser, "cost-request-approval");
    await eventually(async () => (await contentOf(browser, "cost-approval-state")).includes("zur Genehmigung vorgelegt"), { message: "sent" });
    await click(browser, "cost-approve");
    await expectContents(browser, "#cost-approved-by-error", ["Bitte angeben, wer genehmigt hat."]);
    await fill(browser, "#cost-approved-by", "Hauptausschuss des Kreistags");
    await click(browser, "cost-approve");
    await eventually(async () => (await contentOf(browser, "cost-approval-state")).includes("Hauptausschuss des Kreistags"), { message: "approved" });
    assert.equal((await textContents(browser, '[data-testid="cost-changed-since-approval"]')).length, 0);
    await screenshot(browser, "trip-costs");
    await (await byTestId(browser, "cost-by-category")).scrollIntoView();
    await screenshot(browser, "trip-costs-sums");

    // The workbook for the budget office, saved from the tab.
    await click(browser, "export-costs");
    await eventually(() => existsSync(workbook) && readFileSync(workbook).subarray(0, 2).toString() === "PK", { message: "the workbook written" });
    // And the overview on paper for the office (the test's save dialog answers with the same path).
    await click(browser, "export-costs-pdf");
    await eventually(() => readFileSync(workbook).subarray(0, 4).toString() === "%PDF", { message: "the PDF written" });

    // A receipt for the rail line, by the system dialog; then the line to the trash and back.
    for (const row of await browser.$$('[data-testid="cost-open"]')) {
      if ((await row.getProperty("textContent")) === "Bahnfahrt Düren – Frankfurt Flughafen") {
        await row.click();
        break;
      }
    }
    await (await browser.$('[data-testid="cost-receipts"] [data-testid="documents-add"]')).click();
    await expectContents(browser, '[data-testid="cost-receipts"] [data-testid="document-open"]', ["eurofxref.csv"]);
    await screenshot(browser, "cost-form-receipt");
    await click(browser, "cost-delete");
    await click(browser, "confirm-yes");
    await eventually(async () => (await listJson(dir.db, "costs", "--trip", jinhua)).length === 10, { message: "the line in the trash" });
    await click(browser, "nav-trash");
    await expectContents(browser, '[data-testid="trash-cost-line-row"] .title', ["Bahnfahrt Düren – Frankfurt Flughafen"]);
    await click(browser, "restore-cost-line");
    await eventually(async () => (await listJson(dir.db, "costs", "--trip", jinhua)).length === 11, { message: "the line back" });
  } finally {
    await close();
  }
});
