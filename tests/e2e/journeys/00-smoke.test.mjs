import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, freshDataDir, launch, screenshot } from "../app.mjs";

test("the window opens and offers example data on an empty database", async () => {
  const { browser, close } = await launch(freshDataDir());
  try {
    const welcome = await byTestId(browser, "welcome", { timeout: 15000 });
    assert.match(await welcome.getText(), /Beispieldaten/);
    await screenshot(browser, "smoke");
  } finally {
    await close();
  }
});
