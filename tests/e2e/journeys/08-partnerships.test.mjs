// The partnership register, first part: keep partnerships and their agreements (with theme
// areas and validity, flagged when they end within 90 days), link trips to them, and read a
// partnership's page with its timeline of trips.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, choose, cli, click, eventually, expectTexts, fill, freshDataDir, launch, listJson, openPartnership, screenshot, skipWelcome, textContents, textOf, texts } from "../app.mjs";

const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

function germanDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

test("an officer keeps partnerships and agreements and links trips to them", async () => {
  const dir = freshDataDir();
  // The file the system dialog "returns": absent at first (unreadable), then a real document.
  const scan = join(dir.home, "Memorandum Düren-Jinhua.pdf");
  const { browser, close } = await launch(dir, "partnerships", { PARTNERDESK_TEST_PICK_FILE: scan });
  try {
    await skipWelcome(browser);
    await click(browser, "nav-partnerships");
    await byTestId(browser, "partnerships-empty");

    // A partnership without a partner place is refused at the field.
    await click(browser, "new-partnership");
    await fill(browser, "#partnership-our-side", "Stadt Düren");
    await fill(browser, "#partnership-zone", "Asia/Shanghai");
    await click(browser, "partnership-save");
    assert.match(await textOf(browser, "error-partnership-place"), /braucht einen Partnerort/);
    assert.deepEqual(await listJson(dir.db, "partnerships"), []);

    await fill(browser, "#partnership-place", "Jinhua");
    await fill(browser, "#partnership-province", "Zhejiang");
    await fill(browser, "#partnership-country", "China");
    await fill(browser, "#partnership-since", "01.01.2002");
    await choose(browser, "#partnership-status", "active");
    await click(browser, "partnership-save");
    assert.equal(await textOf(browser, "partnership-title"), "Stadt Düren – Jinhua");
    const [stored] = await listJson(dir.db, "partnerships");
    assert.deepEqual([stored.partner_place, stored.kind, stored.since, stored.status], ["Jinhua", "town_twinning", "2002-01-01", "active"]);

    // An agreement valid until before it was signed is refused; nothing is saved.
    await click(browser, "add-agreement");
    await fill(browser, "#agreement-title", "Memorandum über die Vertiefung des freundschaftlichen Austausches");
    await fill(browser, "#agreement-signed-on", "16.06.2026");
    await fill(browser, "#agreement-valid-until", "01.01.2026");
    await click(browser, "agreement-save");
    assert.match(await textOf(browser, "error-agreement-valid-until"), /vor der Unterzeichnung/);
    assert.deepEqual(await listJson(dir.db, "agreements"), []);

    // Valid for another 30 days: flagged as ending soon. Two theme areas.
    const soon = new Date(Date.now() + 30 * 86_400_000);
    await fill(browser, "#agreement-valid-until", germanDate(soon));
    const themes = await browser.$$('[data-testid="theme"]');
    await themes[2].click();
    await themes[3].click();
    await click(browser, "agreement-save");
    const flag = await byTestId(browser, "agreement-expiring");
    assert.match(await flag.getText(), /weniger als 90 Tagen/);
    const [agreement] = await listJson(dir.db, "agreements");
    assert.deepEqual(agreement.themes.map((t) => t.name), ["Wirtschaft und Handel", "Kultur und Kunst"]);
    assert.equal(agreement.expires_soon, true);

    // Attach the signed document: an unreadable file is refused, a readable one copied in
    // under the hash of its content.
    await click(browser, "documents-add");
    assert.match(await textOf(browser, "documents-error"), /lässt sich nicht lesen/);
    assert.equal(existsSync(join(dir.home, "documents")), false);
    writeFileSync(scan, "%PDF-1.4 unterzeichnet");
    await click(browser, "documents-add");
    assert.equal(await textOf(browser, "document-open"), "Memorandum Düren-Jinhua.pdf");
    assert.equal(await textOf(browser, "document-kind"), "Unterzeichnete Fassung");
    const kept = readdirSync(join(dir.home, "documents"));
    assert.deepEqual(kept, [createHash("sha256").update("%PDF-1.4 unterzeichnet").digest("hex")]);
    assert.equal(readFileSync(join(dir.home, "documents", kept[0]), "utf8"), "%PDF-1.4 unterzeichnet");

    // Link a new trip to the partnership; the trip page and the timeline show the link.
    await click(browser, "nav-trips");
    await click(browser, "new-trip");
    await fill(browser, "#trip-title", "Delegationsreise nach Jinhua");
    await choose(browser, "#trip-partnership", stored.id);
    await fill(browser, "#trip-start", "21.10.2026");
    await fill(browser, "#trip-end", "27.10.2026");
    await (await browser.$$('[data-testid="trip-theme"]'))[0].click();
    await click(browser, "trip-save");
    const link = await byTestId(browser, "trip-partnership");
    assert.equal(await link.getText(), "Stadt Düren – Jinhua");
    const [trip] = await listJson(dir.db, "trips");
    assert.deepEqual([trip.partnership_id, trip.partner_place, trip.time_zone], [stored.id, "Jinhua", "Asia/Shanghai"]);
    assert.deepEqual(trip.themes.map((t) => t.name), ["Klimaschutz und Wasserstoff"]);
    await link.click();
    await eventually(async () => (await texts(browser, '[data-testid="timeline-trip"] .link')).includes("Delegationsreise nach Jinhua"), {
      message: "timeline entry",
    });

    // The agreement was signed during that trip: the form offers the partnership's trips.
    await (await browser.$(".agreement-title")).click();
    await choose(browser, "#agreement-signed-trip", trip.id);
    await click(browser, "agreement-save");
    assert.equal(await textOf(browser, "agreement-signed-during"), "Unterzeichnet bei: Delegationsreise nach Jinhua");
    const [signed] = await listJson(dir.db, "agreements");
    assert.equal(signed.signed_during.trip_id, trip.id);

    // The partnership list flags the agreement that ends soon.
    await click(browser, "nav-partnerships");
    assert.match(await textOf(browser, "partnership-expiring"), /⚠ 1/);
  } finally {
    await close();
  }
});

test("a partnership's page shows its agreements and its trips in both directions", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "partnership-page");
  try {
    await click(browser, "nav-partnerships");
    await fill(browser, '.toolbar input[type="search"]', "sichuan");
    await eventually(async () => (await textContents(browser, '[data-testid="partnership-row"] .row-link')).join() === "Luzhou", {
      message: "search by province",
    });
    await fill(browser, '.toolbar input[type="search"]', "");
    await openPartnership(browser, "Jinhua");
    assert.equal(await textOf(browser, "partnership-title"), "Stadt Düren – Jinhua");
    assert.equal((await browser.$$('[data-testid="agreement"]')).length, 2);
    assert.match(await textOf(browser, "agreements"), /gültig 16\.06\.2026 – 15\.06\.2028/);
    assert.match(
      await textOf(browser, "agreement-signed-during"),
      /Unterzeichnet bei: Besuch der Delegation aus Jinhua in Düren – Unterzeichnung des Memorandums, 16\.06\.2026 16:00/,
    );
    assert.deepEqual(await texts(browser, '[data-testid="timeline-trip"] .link'), ["Besuch der Delegation aus Jinhua in Düren"]);
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "partnership"), join(docs, "partnership.png"));

    // A follow-up task is filed under the agreement it serves, from the partnership page.
    const memorandum = "Memorandum über die Vertiefung des freundschaftlichen Austausches zwischen Düren und Jinhua";
    // textContent: WebKit's driver leaves clipped text out of an element's text.
    const agreementsOfTasks = () => textContents(browser, '[data-testid="task-agreement"]');
    await eventually(async () => (await agreementsOfTasks()).join("|") === memorandum, { message: "the demo task's agreement" });
    await click(browser, "new-task");
    await fill(browser, "#task-title", "Jahresbericht zum Memorandum an den Rat");
    const agreementId = (await listJson(dir.db, "agreements")).find((a) => a.title === memorandum).id;
    await eventually(async () => (await browser.$$(`#task-agreement option[value="${agreementId}"]`)).length === 1, { message: "the agreements offered" });
    await choose(browser, "#task-agreement", agreementId);
    await click(browser, "task-save");
    assert.equal(await textOf(browser, "task-agreement-link"), memorandum, "the task page names the agreement");
    await click(browser, "task-agreement-link");
    await eventually(async () => (await agreementsOfTasks()).join("|") === `${memorandum}|${memorandum}`, { message: "the new task under the agreement" });

    // Deleting asks first and names what hangs on it; the trash gives it back with its links.
    await click(browser, "partnership-delete");
    const question = await browser.$('dialog[open][data-testid="confirm"]');
    await question.waitForDisplayed({ timeout: 5000 });
    assert.match(await question.getText(), /2 Vereinbarungen und 1 Reisen/);
    await click(browser, "confirm-yes");
    await eventually(async () => !(await texts(browser, '[data-testid="partnership-row"] .row-link')).includes("Jinhua"), {
      message: "partnership gone from the list",
    });
    assert.equal((await listJson(dir.db, "partnerships")).length, 3);
    await click(browser, "nav-trash");
    await expectTexts(browser, '[data-testid="trash-partnership-row"] .title', ["Stadt Düren – Jinhua"]);
    await click(browser, "restore-partnership");
    await byTestId(browser, "trash-empty");
    assert.equal((await listJson(dir.db, "partnerships")).length, 4);
    const hosted = (await listJson(dir.db, "trips")).find((t) => t.title === "Besuch der Delegation aus Jinhua in Düren");
    assert.equal(hosted.partnership_label, "Stadt Düren – Jinhua");

    // Where the memorandum was signed is one click away.
    await openPartnership(browser, "Jinhua");
    await (await (await byTestId(browser, "agreement-signed-during")).$("button")).click();
    assert.equal(await textOf(browser, "trip-title"), "Besuch der Delegation aus Jinhua in Düren");
  } finally {
    await close();
  }
});
