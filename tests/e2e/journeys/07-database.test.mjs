// A database written by a newer Partnerdesk gets a clear message in the window, never a
// crash and never a silent downgrade: the file stays as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { byTestId, cli, freshDataDir, launch } from "../app.mjs";

test("a database from a newer version is refused with a clear message", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "list", "trips");
  // PRAGMA user_version lives in bytes 60–63 of the SQLite header (big-endian).
  const bytes = readFileSync(dir.db);
  bytes.writeUInt32BE(99, 60);
  writeFileSync(dir.db, bytes);

  const { browser, close } = await launch(dir, "database-too-new");
  try {
    const screen = await byTestId(browser, "database-error", { timeout: 15000 });
    const text = await screen.getText();
    assert.match(text, /Die Datenbank kann nicht geöffnet werden/);
    assert.match(text, /neueren Version von Partnerdesk/);
    assert.match(text, /newer Partnerdesk \(schema version 99/);
    assert.ok(text.includes(dir.db), "the message names the file");
  } finally {
    await close();
  }
  assert.equal(readFileSync(dir.db).readUInt32BE(60), 99, "the file is left unchanged");
});
