// Theme areas come from an editable list: renamed and extended in the settings, refused
// when a name is taken twice, and the new names show wherever the themes are used.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, textOf } from "../app.mjs";

test("an officer edits the list of theme areas", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const { browser, close } = await launch(dir, "theme-areas");
  try {
    await click(browser, "nav-settings");
    await byTestId(browser, "theme-areas");
    const names = await browser.$$('[data-testid="theme-name"]');
    assert.equal(await names[0].getValue(), "Klimaschutz und Wasserstoff");
    await names[0].click();
    await browser.keys(["Control", "a"]);
    await names[0].addValue("Klimaschutz, Energie und Wasserstoff");
    await browser.keys("Tab");
    await eventually(async () => {
      const agreements = await listJson(dir.db, "agreements");
      return agreements.some((a) => a.themes.some((t) => t.name === "Klimaschutz, Energie und Wasserstoff"));
    }, { message: "renamed theme on the Kreis Düren agreement" });

    await fill(browser, '[data-testid="theme-new"]', "Sport");
    await click(browser, "theme-add");
    await eventually(async () => (await browser.$$('[data-testid="theme-name"]')).length === 9, { message: "added theme" });
    await fill(browser, '[data-testid="theme-new"]', "sport");
    await click(browser, "theme-add");
    assert.match(await textOf(browser, "theme-error"), /gibt es schon/);
    assert.equal((await browser.$$('[data-testid="theme-name"]')).length, 9);
  } finally {
    await close();
  }
});
