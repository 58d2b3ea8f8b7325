// Journey 27: projects that outlive a trip. From the Düren–Jinhua partnership page the officer
// starts a doctors' exchange: a title, a period (an end before the start is refused at the
// field), the goal, the Leopold-Hoesch-Museum as partner. On the project page the officer links
// the Jinhua delegation's visit to Düren; at the signing during that visit a point is filed
// under the project in one step and made a task that keeps the project; a further task is
// added from the project page itself. The project page shows all of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, choose, cli, click, eventually, expectContents, fill, freshDataDir, launch, listJson, openPartnership, openTrip, pickFromRegister, pickTrip, screenshot, textContents, textOf } from "../app.mjs";

const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");
const FROM_JINHUA = "Besuch der Delegation aus Jinhua in Düren";
const TITLE = "Ärzteaustausch Düren–Jinhua";

async function project(db) {
  return (await listJson(db, "projects")).find((p) => p.title === TITLE);
}

test("an officer starts a project from a partnership page and files an outcome under it", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === FROM_JINHUA);
  const signing = (await listJson(dir.db, "items", "--trip", trip.id)).find((i) => i.title === "Unterzeichnung des Memorandums");
  const before = (await listJson(dir.db, "projects")).length;
  const { browser, close } = await launch(dir, "projects");
  try {
    await openPartnership(browser, "Jinhua");
    await eventually(async () => (await textContents(browser, '[data-testid="partnership-project"] button')).includes("Fotoausstellung „Stadt und Kreis Düren“ in Jinhua"), {
      message: "the demo's exhibition among the partnership's projects",
    });

    await click(browser, "add-project");
    await byTestId(browser, "project-form");
    const ticked = await eventually(async () => {
      const boxes = await browser.$$('[data-testid="project-partnerships-choice"]');
      const checked = [];
      for (const box of boxes) if (await box.isSelected()) checked.push(box);
      return boxes.length > 0 && checked.length === 1 ? checked : null;
    }, { message: "the partnership ticked for the new project" });
    assert.equal(ticked.length, 1);
    await click(browser, "project-save");
    assert.match(await textOf(browser, "error-project-title"), /ausfüllen/);

    await fill(browser, "#project-title", TITLE);
    await choose(browser, "#project-status", "idea");
    await fill(browser, "#project-starts", "01.03.2027");
    await fill(browser, "#project-ends", "01.02.2027");
    await fill(browser, "#project-goal", "Ärztinnen und Ärzte des Krankenhauses Düren hospitieren in Jinhua und umgekehrt.");
    assert.match(await textOf(browser, "error-project-ends"), /vor dem Beginn/);
    await fill(browser, "#project-ends", "31.12.2027");
    await pickFromRegister(browser, "#project-participant", "Leopold");
    await choose(browser, '[data-testid="project-participant-role"]', "partner");
    assert.equal((await listJson(dir.db, "projects")).length, before, "nothing is saved before the form is");
    await click(browser, "project-save");
    assert.equal(await textOf(browser, "project-title"), TITLE);

    const saved = await project(dir.db);
    assert.equal(saved.status, "idea");
    assert.deepEqual([saved.starts_on, saved.ends_on], ["2027-03-01", "2027-12-31"]);
    assert.deepEqual(saved.partnerships.map((p) => p.label), ["Stadt Düren – Jinhua"]);
    assert.deepEqual(saved.participants.map((p) => [p.who.label, p.role]), [["Leopold-Hoesch-Museum", "partner"]]);

    // The visit that serves it.
    await pickTrip(browser, "#project-link-trip", FROM_JINHUA);
    await expectContents(browser, '[data-testid="project-trip"] .record-label', [FROM_JINHUA]);
    assert.deepEqual((await project(dir.db)).trips.map((t) => t.id), [trip.id]);

    // A point agreed at the signing, filed under the project in one step, and made a task.
    await openTrip(browser, FROM_JINHUA);
    await expectContents(browser, '[data-testid="trip-projects"] button', [TITLE]);
    await (await browser.$(`#item-${signing.id}`)).moveTo();
    await (await browser.$(`#item-${signing.id} [data-testid="item-outcomes"]`)).click();
    await byTestId(browser, "outcomes-dialog");
    await fill(browser, "#outcome-text", "Hospitationen von Ärzten ab Frühjahr 2027");
    await choose(browser, "#outcome-project", saved.id);
    await click(browser, "outcome-save");
    await eventually(async () => (await textContents(browser, '[data-testid="outcome-project"]')).some((text) => text.includes(TITLE)), {
      message: "the point shows its project",
    });
    await click(browser, "outcome-make-task");
    await eventually(async () => {
      const task = (await listJson(dir.db, "tasks")).find((t) => t.title === "Hospitationen von Ärzten ab Frühjahr 2027");
      return task?.project?.id === saved.id;
    }, { message: "the task made of the point keeps its project" });
    await (await browser.$('[data-testid="outcome-project"] button')).click();
    assert.equal(await textOf(browser, "project-title"), TITLE);
    await expectContents(browser, '[data-testid="project-outcome"] .record-label', ["Hospitationen von Ärzten ab Frühjahr 2027"]);

    // A task added on the project page is filed under it.
    const tasks = await byTestId(browser, "project-tasks");
    await (await tasks.$('[data-testid="new-task"]')).click();
    await byTestId(browser, "task-form");
    assert.equal(await (await browser.$("#task-project")).getValue(), saved.id);
    await fill(browser, "#task-title", "Krankenhaus Düren um Gastgeber bitten");
    await click(browser, "task-save");
    assert.equal(await textOf(browser, "task-project-link"), TITLE);
    await click(browser, "task-project-link");
    await eventually(async () => (await textContents(browser, '[data-testid="task-open"]')).length === 2, { message: "both tasks on the project page" });
    const page = await project(dir.db);
    assert.equal(page.open_tasks, 2);
    assert.deepEqual(page.outcomes.map((o) => o.item_id), [signing.id]);
    const shot = await screenshot(browser, "project-page");
    copyFileSync(shot, join(docs, "project-page.png"));
  } finally {
    await close();
  }
});
