// Journey 28: the register's last gaps and projects in the search. The Kaiserslautern–Yangzhou
// partnership is held by Stadt and Landkreis Kaiserslautern together: its page names both, the
// officer takes one out in the form and puts it back from the register. The Jinhua delegation's
// visit to Düren also serves the Kreis Düren's partnership: ticked in the trip form, the trip's
// header names both partnerships and the Kreis Düren's page lists the visit. Ctrl+K finds the
// photo exhibition project and Enter opens its page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, cli, click, eventually, freshDataDir, launch, listJson, openPartnership, openTrip, pickFromRegister, screenshot, textContents, textOf, texts } from "../app.mjs";

const FROM_JINHUA = "Besuch der Delegation aus Jinhua in Düren";
const KREIS_DUEREN = "Kreis Düren – Jinhua (Städteregion)";
const EXHIBITION = "Fotoausstellung „Stadt und Kreis Düren“ in Jinhua";

async function bodiesShown(browser, expected) {
  await eventually(async () => JSON.stringify(await textContents(browser, '[data-testid="partnership-bodies"] button')) === JSON.stringify(expected), {
    message: `the page names ${expected.join(", ")}`,
  });
}

async function bodiesStored(db) {
  const partnership = (await listJson(db, "partnerships")).find((p) => p.partner_place === "Yangzhou");
  return partnership.our_bodies.map((body) => body.label);
}

test("a partnership held by two bodies, a visit that serves two partnerships, a project found by Ctrl+K", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "register-gaps");
  try {
    await openPartnership(browser, "Yangzhou");
    await bodiesShown(browser, ["Stadt Kaiserslautern", "Landkreis Kaiserslautern"]);
    await screenshot(browser, "partnership-bodies");

    await click(browser, "partnership-edit");
    await byTestId(browser, "partnership-form");
    const landkreis = await eventually(async () => {
      for (const chip of await browser.$$('[data-testid="partnership-bodies-picker"] [data-testid="picked"]')) {
        if ((await chip.getProperty("textContent")).includes("Landkreis Kaiserslautern")) return chip;
      }
      return null;
    }, { message: "the Landkreis among the bodies in the form" });
    await (await landkreis.$("button")).click();
    await click(browser, "partnership-save");
    await bodiesShown(browser, ["Stadt Kaiserslautern"]);
    assert.deepEqual(await bodiesStored(dir.db), ["Stadt Kaiserslautern"]);

    await click(browser, "partnership-edit");
    await pickFromRegister(browser, "#partnership-bodies", "Landkreis Kaiser", "Landkreis Kaiserslautern");
    await screenshot(browser, "partnership-form-bodies");
    await click(browser, "partnership-save");
    await bodiesShown(browser, ["Stadt Kaiserslautern", "Landkreis Kaiserslautern"]);
    assert.deepEqual(await bodiesStored(dir.db), ["Stadt Kaiserslautern", "Landkreis Kaiserslautern"]);

    await openTrip(browser, FROM_JINHUA);
    await click(browser, "trip-edit");
    await byTestId(browser, "trip-form");
    const kreis = await eventually(async () => {
      for (const label of await browser.$$('[data-testid="trip-further-partnerships"] label')) {
        if ((await label.getProperty("textContent")).includes(KREIS_DUEREN)) return await label.$("input");
      }
      return null;
    }, { message: "the Kreis Düren's partnership among the further partners" });
    await kreis.click();
    await screenshot(browser, "trip-form-further-partnerships");
    await click(browser, "trip-save");
    await eventually(async () => (await textContents(browser, '[data-testid="trip-further-partnership"]')).includes(KREIS_DUEREN), {
      message: "the trip's header names the further partnership",
    });
    await screenshot(browser, "trip-further-partnerships");
    const stored = (await listJson(dir.db, "trips")).find((t) => t.title === FROM_JINHUA);
    assert.deepEqual(stored.further_partnerships.map((p) => p.label), [KREIS_DUEREN]);
    assert.equal(stored.partnership_label, "Stadt Düren – Jinhua", "the first partnership stays");

    await (await browser.$('[data-testid="trip-further-partnership"]')).click();
    await eventually(async () => (await textOf(browser, "partnership-title")) === KREIS_DUEREN, { message: "the Kreis Düren's page" });
    await eventually(async () => (await textContents(browser, '[data-testid="timeline-trip"] button')).includes(FROM_JINHUA), {
      message: "the visit among the Kreis Düren's trips",
    });

    await browser.keys(["Control", "k"]);
    const input = await byTestId(browser, "search-input");
    await eventually(async () => input.isFocused(), { message: "the search field has the focus" });
    await input.setValue("Fotoausstellung");
    await eventually(async () => (await texts(browser, '[data-testid="search-hit"]')).some((hit) => hit.startsWith(EXHIBITION)), {
      message: "the project among the hits",
    });
    await screenshot(browser, "search-project");
    const hits = await texts(browser, '[data-testid="search-hit"]');
    assert.ok(hits[0].startsWith(EXHIBITION), `the project comes before the task named like it: ${hits.join(" | ")}`);
    await browser.keys(["Enter"]);
    await eventually(async () => (await textOf(browser, "project-title")) === EXHIBITION, { message: "the project's page" });
  } finally {
    await close();
  }
});
