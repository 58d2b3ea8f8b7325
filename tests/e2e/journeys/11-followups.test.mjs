// Follow-ups of a visit: outcomes turned into linked tasks, tasks with checklists, the work
// seen by view, filter and bulk change, reminders once a day, and trips' preparation
// checklists from versioned templates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, choose, cli, click, eventually, expectContents, expectTexts, fill, freshDataDir, launch, listJson, openTrip, pickFromRegister, pickTrip, screenshot, skipWelcome, textOf, texts } from "../app.mjs";

const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");
const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const TO_LUZHOU = "Delegationsreise nach Luzhou";

/** Today in the office's zone (the app's default, Europe/Berlin), as YYYY-MM-DD. */
function officeToday() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
}

function germanDate(iso) {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

async function demoDir() {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  return dir;
}

test("an outcome agreed at a visit becomes a task that keeps every link", async () => {
  const dir = await demoDir();
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const item = (await listJson(dir.db, "items", "--trip", trip.id)).find((i) => i.title === "Besuch des Kulturzentrums");
  const { browser, close } = await launch(dir, "outcomes");
  try {
    await openTrip(browser, TO_JINHUA);
    // The button shows when the pointer rests on a past item (or focus is inside it).
    await (await browser.$(`#item-${item.id}`)).moveTo();
    await (await browser.$(`#item-${item.id} [data-testid="item-outcomes"]`)).click();
    await byTestId(browser, "outcomes-dialog");
    await click(browser, "outcome-save");
    assert.match(await textOf(browser, "error-outcome-text"), /vereinbart/, "an empty point is refused at the field");

    await fill(browser, "#outcome-text", "Fotoausstellung mit Bildern aus Jinhua im Kreishaus");
    await browser.keys("Enter");
    await (await browser.$("#outcome-text")).addValue("Bilder stellt das Kulturzentrum.");
    await pickFromRegister(browser, "#outcome-people", "zhu");
    await click(browser, "outcome-save");
    await expectTexts(browser, '[data-testid="outcome-text"]', ["Fotoausstellung mit Bildern aus Jinhua im Kreishaus\nBilder stellt das Kulturzentrum."]);
    await screenshot(browser, "outcomes");
    await click(browser, "outcome-make-task");
    await click(browser, "outcome-task");

    await eventually(async () => (await textOf(browser, "task-title")) === "Fotoausstellung mit Bildern aus Jinhua im Kreishaus", { message: "task page" });
    assert.equal(await textOf(browser, "task-trip"), TO_JINHUA);
    assert.match(await textOf(browser, "task-item"), /^Besuch des Kulturzentrums/);
    assert.equal(await textOf(browser, "task-partnership"), "Kreis Düren – Jinhua (Städteregion)");
    assert.match(await textOf(browser, "task-people"), /Zhu Chonglie/);

    const stored = (await listJson(dir.db, "tasks")).find((t) => t.title.startsWith("Fotoausstellung mit Bildern"));
    assert.equal(stored.trip.id, trip.id);
    assert.equal(stored.item.id, item.id);
    assert.ok(stored.partnership && stored.outcome_id, "partnership and outcome kept");
    assert.deepEqual(stored.people.map((p) => p.label), ["Parteisekretär Zhu Chonglie (朱重烈)"]);
    assert.equal(stored.description, "Fotoausstellung mit Bildern aus Jinhua im Kreishaus\nBilder stellt das Kulturzentrum.");
  } finally {
    await close();
  }
});

test("an officer keeps a task with owner, due date, priority, links and a checklist", async () => {
  const dir = await demoDir();
  const { browser, close } = await launch(dir, "task-edit");
  try {
    await click(browser, "nav-tasks");
    await click(browser, "new-task");
    await click(browser, "task-save");
    assert.ok(await textOf(browser, "error-task-title"), "a title is required");
    await fill(browser, "#task-due", "31.02.2027");
    assert.match(await textOf(browser, "error-task-due"), /Datum/, "a due date that is not a date is refused");
    assert.equal((await listJson(dir.db, "tasks")).length, 9, "nothing saved");

    await fill(browser, "#task-title", "Grußwort zum Stadtfest übersetzen lassen");
    await fill(browser, "#task-due", "15.12.2026");
    await pickFromRegister(browser, "#task-owner", "Becker");
    await choose(browser, "#task-priority", "high");
    await pickTrip(browser, "#task-trip", "Luzhou");
    const themes = await browser.$$("#task-theme option");
    for (const option of themes) if ((await option.getText()) === "Kultur und Kunst") await option.click();
    await click(browser, "task-save");
    await eventually(async () => (await textOf(browser, "task-title")) === "Grußwort zum Stadtfest übersetzen lassen", { message: "task page" });
    assert.equal(await textOf(browser, "task-partnership"), "Stadt Herne – Luzhou", "the trip brought its partnership");

    for (const step of ["Text vom Büro anfordern", "Übersetzung beauftragen", "Korrektur lesen"]) {
      await fill(browser, '[data-testid="checklist-new"]', step);
      await click(browser, "checklist-add");
    }
    await expectTexts(browser, '[data-testid="checklist-text"]', ["Text vom Büro anfordern", "Übersetzung beauftragen", "Korrektur lesen"]);
    await (await browser.$$('[data-testid="checklist-tick"]'))[0].click();
    await eventually(async () => (await textOf(browser, "checklist-progress")) === "1 von 3 erledigt", { message: "ticked" });

    // A step dragged onto itself stays, and the list says why.
    const handles = await browser.$$('[data-testid="checklist-handle"]');
    await browser.action("pointer").move({ origin: handles[1] }).down().move({ origin: handles[1], y: 6, duration: 100 }).move({ origin: handles[1], duration: 50 }).up().perform();
    assert.match(await textOf(browser, "checklist-error"), /nicht auf sich selbst/);
    await expectTexts(browser, '[data-testid="checklist-text"]', ["Text vom Büro anfordern", "Übersetzung beauftragen", "Korrektur lesen"]);

    // Dragged onto the first step, the last one takes its place; Alt+↓ moves it back down.
    const rows = await browser.$$('[data-testid="checklist-step"]');
    await browser.action("pointer").move({ origin: handles[2] }).down().move({ origin: rows[0], duration: 150 }).move({ origin: rows[0], y: -3, duration: 50 }).up().perform();
    await expectTexts(browser, '[data-testid="checklist-text"]', ["Korrektur lesen", "Text vom Büro anfordern", "Übersetzung beauftragen"]);
    await (await browser.$$('[data-testid="checklist-step"]'))[0].click();
    await browser.keys(["Alt", "ArrowDown"]);
    await expectTexts(browser, '[data-testid="checklist-text"]', ["Text vom Büro anfordern", "Korrektur lesen", "Übersetzung beauftragen"]);

    await choose(browser, '[data-testid="task-quick-status"]', "in_progress");
    await eventually(async () => (await textOf(browser, "task-page-status")) === "In Arbeit", { message: "status" });
    const stored = (await listJson(dir.db, "tasks")).find((t) => t.title === "Grußwort zum Stadtfest übersetzen lassen");
    assert.equal(stored.due_date, "2026-12-15");
    assert.equal(stored.priority, "high");
    assert.equal(stored.status, "in_progress");
    assert.equal(stored.owner.label, "Protokoll Thomas Becker");
    assert.equal(stored.trip.label, TO_LUZHOU);
    assert.equal(stored.theme.label, "Kultur und Kunst");
    assert.deepEqual([stored.checklist_done, stored.checklist_total], [1, 3]);
  } finally {
    await close();
  }
});

test("the officer sees work by view and filter and closes several tasks at once", async () => {
  const dir = await demoDir();
  const overdue = await listJson(dir.db, "tasks", "--view", "overdue");
  const open = await listJson(dir.db, "tasks", "--view", "open");
  const { browser, close } = await launch(dir, "task-views");
  try {
    if (overdue.length) await eventually(async () => (await textOf(browser, "overdue-count")) === String(overdue.length), { message: "sidebar count" });
    await click(browser, "nav-tasks");
    await expectContents(browser, '[data-testid="task-open"]', open.map((t) => t.title));
    await click(browser, "task-view-overdue");
    await expectContents(browser, '[data-testid="task-open"]', overdue.map((t) => t.title));
    await click(browser, "task-view-mine");
    const mine = open.filter((t) => t.owner?.label === "Protokoll Thomas Becker");
    await expectContents(browser, '[data-testid="task-open"]', mine.map((t) => t.title));

    await click(browser, "task-view-open");
    await expectContents(browser, '[data-testid="task-open"]', open.map((t) => t.title));
    const theme = await browser.$('[data-testid="task-filter-theme"]');
    for (const option of await theme.$$("option")) if ((await option.getText()) === "Klimaschutz und Wasserstoff") await option.click();
    await expectContents(browser, '[data-testid="task-open"]', open.filter((t) => t.theme?.label === "Klimaschutz und Wasserstoff").map((t) => t.title));
    await choose(browser, '[data-testid="task-filter-theme"]', "");
    await pickTrip(browser, "#task-filter-trip", "Delegation aus Yangzhou");
    await expectContents(browser, '[data-testid="task-open"]', open.filter((t) => t.trip?.label.includes("Delegation aus Yangzhou")).map((t) => t.title));
    await (await browser.$('[data-testid="task-filter-trip-picked"] .remove')).click();
    await expectContents(browser, '[data-testid="task-open"]', open.map((t) => t.title));
    await screenshot(browser, "tasks");
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "tasks"), join(docs, "tasks.png"));

    // Two tasks closed in one step.
    const boxes = await browser.$$('[data-testid="task-select"]');
    await boxes[0].click();
    await boxes[1].click();
    assert.match(await textOf(browser, "task-bulk"), /2 ausgewählt/);
    await choose(browser, '[data-testid="task-bulk-status"]', "done");
    await click(browser, "task-bulk-apply");
    await expectContents(browser, '[data-testid="task-open"]', open.slice(2).map((t) => t.title));
    const stored = await listJson(dir.db, "tasks");
    for (const closed of open.slice(0, 2)) assert.equal(stored.find((t) => t.id === closed.id).status, "done");

    // A trip's own tasks.
    await click(browser, "nav-trips");
    await openTrip(browser, TO_JINHUA);
    await click(browser, "tab-tasks");
    const ofTrip = (await listJson(dir.db, "tasks", "--view", "open")).filter((t) => t.trip?.label === TO_JINHUA);
    await expectContents(browser, '[data-testid="task-open"]', ofTrip.map((t) => t.title));
  } finally {
    await close();
  }
});

test("a task falling due is reminded of once a day, and not at all when reminders are off", async () => {
  const dir = freshDataDir();
  const today = officeToday();
  let session = await launch(dir, "reminders");
  try {
    const { browser } = session;
    await skipWelcome(browser);
    await click(browser, "nav-tasks");
    await click(browser, "new-task");
    await fill(browser, "#task-title", "Dankschreiben nach Jinhua");
    await fill(browser, "#task-due", germanDate(today));
    await click(browser, "task-save");
    await eventually(async () => (await textOf(browser, "task-reminded")) === germanDate(today), { message: "reminded today" });
    await session.close();

    // Started again the same day, the app does not remind of the task a second time.
    session = await launch(dir, "reminders-again");
    await session.browser.$('[data-testid="nav-settings"]').then((nav) => nav.waitForDisplayed());
    let [task] = await listJson(dir.db, "tasks");
    assert.equal(task.reminded_on, today);
    await click(session.browser, "nav-settings");
    await (await byTestId(session.browser, "settings-reminders")).click();
    await eventually(async () => !(await (await session.browser.$('[data-testid="settings-reminders"]')).isSelected()), { message: "reminders off" });
    await click(session.browser, "nav-tasks");
    await click(session.browser, "new-task");
    await fill(session.browser, "#task-title", "Fotos an die Presse");
    await fill(session.browser, "#task-due", germanDate(today));
    await click(session.browser, "task-save");
    await eventually(async () => (await textOf(session.browser, "task-title")) === "Fotos an die Presse", { message: "second task" });
    await new Promise((done) => setTimeout(done, 1500));
    assert.equal(await (await session.browser.$('[data-testid="task-reminded"]')).isExisting(), false);
    const stored = await listJson(dir.db, "tasks");
    assert.equal(stored.find((t) => t.title === "Fotos an die Presse").reminded_on, null);
    [task] = stored.filter((t) => t.title === "Dankschreiben nach Jinhua");
    assert.equal(task.reminded_on, today);
  } finally {
    await session.close();
  }
});

test("trips are prepared with checklists from templates that never change past trips", async () => {
  const dir = await demoDir();
  const { browser, close } = await launch(dir, "checklists");
  try {
    await click(browser, "nav-trips");
    await eventually(async () => (await texts(browser, '[data-testid="trip-preparation"]')).includes("9/10"), { message: "progress in the trip list" });
    await openTrip(browser, TO_LUZHOU);
    await click(browser, "tab-checklist");
    await eventually(async () => (await textOf(browser, "checklist-progress")) === "1 von 10 erledigt", { message: "progress" });
    await (await browser.$$('[data-testid="checklist-tick"]'))[2].click();
    await eventually(async () => (await textOf(browser, "checklist-progress")) === "2 von 10 erledigt", { message: "ticked" });
    await fill(browser, '[data-testid="checklist-new"]', "Gastgeschenke verpacken");
    await click(browser, "checklist-add");
    await eventually(async () => (await textOf(browser, "trip-checklist-count")) === "2/11", { message: "tab count" });
    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "checklist"), join(docs, "checklist.png"));

    await click(browser, "nav-settings");
    await byTestId(browser, "checklist-templates");
    await eventually(async () => (await textOf(browser, "template-version")).startsWith("Version 1"), { message: "template loaded" });
    await fill(browser, '[data-testid="template-new"]', "Auslandskrankenversicherung abgeschlossen");
    await click(browser, "template-add");
    await click(browser, "template-save");
    await eventually(async () => (await textOf(browser, "template-version")).startsWith("Version 2"), { message: "new version" });

    await click(browser, "nav-trips");
    await openTrip(browser, TO_LUZHOU);
    await click(browser, "tab-checklist");
    await eventually(async () => (await texts(browser, '[data-testid="checklist-text"]')).length === 11, { message: "checklist" });
    assert.ok(!(await texts(browser, '[data-testid="checklist-text"]')).includes("Auslandskrankenversicherung abgeschlossen"), "a past trip keeps its checklist");

    await click(browser, "trip-duplicate");
    await fill(browser, "#duplicate-start", "10.05.2028");
    await click(browser, "duplicate-save");
    await click(browser, "tab-checklist");
    await eventually(async () => (await texts(browser, '[data-testid="checklist-text"]')).includes("Auslandskrankenversicherung abgeschlossen"), { message: "a new trip gets the new version" });
    assert.equal(await textOf(browser, "checklist-progress"), "0 von 11 erledigt");
  } finally {
    await close();
  }
});
