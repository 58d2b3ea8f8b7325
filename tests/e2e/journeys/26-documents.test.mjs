// Journey 26: the visit's papers. On a trip's details the officer attaches the invitation, the
// hotel confirmation and a script someone sent along, by the system dialog, in one go; the
// kinds are guessed from the names. The invitation opens in the system viewer (a stand-in
// `xdg-open` on PATH records what it was handed: a readable copy under the document's name);
// the script is refused, not run. The officer dates the hotel confirmation, moves the script to
// the trash and takes it back out again, and hands the trip on as a bundle: the export names
// the documents and their size, and a colleague's Partnerdesk takes them in with their files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

const docs = join(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");

async function documentRow(browser, name) {
  return eventually(async () => {
    for (const row of await browser.$$('[data-testid="document"]')) {
      const open = await row.$('[data-testid="document-open"]');
      if ((await open.isExisting()) && (await open.getText()) === name) return row;
    }
    return null;
  }, { message: `document ${name}` });
}

test("an officer attaches a trip's papers by the dialog and opens one with the system viewer", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.partner_place === "Jinhua");

  const outside = join(dir.home, "Downloads");
  mkdirSync(outside);
  const invitation = join(outside, "Einladung Jinhua.pdf");
  const hotel = join(outside, "Hotelbestätigung.pdf");
  const script = join(outside, "programm.sh");
  writeFileSync(invitation, "%PDF-1.4 Einladung der Stadt Jinhua");
  writeFileSync(hotel, "%PDF-1.4 Buchungsbestätigung");
  writeFileSync(script, "#!/bin/sh\ntouch " + join(dir.home, "script-ran") + "\n");
  chmodSync(script, 0o755);

  const bin = join(dir.home, "bin");
  mkdirSync(bin);
  const record = join(dir.home, "opened.txt");
  writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${record}'\n`);
  chmodSync(join(bin, "xdg-open"), 0o755);

  const bundle = join(dir.home, "Reisemappe.json");
  const { browser, close } = await launch(dir, "documents", {
    PARTNERDESK_TEST_PICK_FILE: [invitation, hotel, script].join(":"),
    PARTNERDESK_TEST_SAVE_FILE: bundle,
    PATH: `${bin}:${process.env.PATH}`,
  });
  try {
    await openTrip(browser, trip.title);
    await click(browser, "tab-details");
    await byTestId(browser, "documents");
    await click(browser, "documents-add");
    await eventually(async () => (await texts(browser, '[data-testid="document-open"]')).length === 3, { message: "three documents" });
    const kinds = {};
    for (const name of ["Einladung Jinhua.pdf", "Hotelbestätigung.pdf", "programm.sh"]) {
      kinds[name] = await (await (await documentRow(browser, name)).$('[data-testid="document-kind"]')).getText();
    }
    assert.deepEqual(kinds, { "Einladung Jinhua.pdf": "Einladung", "Hotelbestätigung.pdf": "Unterkunft", "programm.sh": "Sonstiges" });

    // Opened: the viewer gets a readable copy under the document's own name.
    await (await (await documentRow(browser, "Einladung Jinhua.pdf")).$('[data-testid="document-open"]')).click();
    const handed = await eventually(() => existsSync(record) && readFileSync(record, "utf8").trim(), { message: "the viewer called" });
    assert.match(handed, /\/opened\/.+\/Einladung Jinhua\.pdf$/);
    assert.ok(handed.startsWith(dir.home), `${handed} lies beside the database`);
    assert.equal(readFileSync(handed, "utf8"), "%PDF-1.4 Einladung der Stadt Jinhua");

    // A script is never handed to the system.
    await (await (await documentRow(browser, "programm.sh")).$('[data-testid="document-open"]')).click();
    assert.match(await textOf(browser, "documents-error"), /öffnet Partnerdesk nicht selbst/);
    assert.equal(readFileSync(record, "utf8").trim().split("\n").length, 1);
    assert.ok(!existsSync(join(dir.home, "script-ran")));

    // The hotel confirmation gets its date.
    await (await (await documentRow(browser, "Hotelbestätigung.pdf")).$('[data-testid="document-edit"]')).click();
    const dateInput = await browser.$('[data-testid="document"] input[id^="document-date-"]');
    await dateInput.setValue("14.09.2026");
    await click(browser, "document-save");
    await eventually(async () => (await (await documentRow(browser, "Hotelbestätigung.pdf")).getText()).includes("14.09.2026"), { message: "the date shown" });

    mkdirSync(docs, { recursive: true });
    copyFileSync(await screenshot(browser, "trip-documents"), join(docs, "trip-documents.png"));

    // The script goes to the trash and comes back from it.
    await (await (await documentRow(browser, "programm.sh")).$('[data-testid="document-delete"]')).click();
    await eventually(async () => (await texts(browser, '[data-testid="document-open"]')).length === 2, { message: "two documents left" });
    await click(browser, "nav-trash");
    const trashed = await byTestId(browser, "trash-document-row");
    assert.match(await trashed.getText(), /programm\.sh/);
    await click(browser, "restore-document");
    await openTrip(browser, trip.title);
    await click(browser, "tab-details");
    await eventually(async () => (await texts(browser, '[data-testid="document-open"]')).length === 3, { message: "three again" });

    // The bundle for a colleague carries the three documents; the dialog says so before.
    await click(browser, "trip-export");
    await click(browser, "export-format-bundle");
    const offer = await byTestId(browser, "export-documents");
    assert.equal(await offer.isSelected(), true);
    await eventually(async () => /Dokumente mitgeben \(3, zusammen \d+ Byte\)/.test(await (await offer.parentElement()).getText()), { message: "number and size shown" });
    await click(browser, "export-save");
    await eventually(() => existsSync(bundle) && statSync(bundle).size > 0, { message: "the bundle written" });
  } finally {
    await close();
  }
  const carried = JSON.parse(readFileSync(bundle, "utf8")).documents;
  assert.deepEqual(carried.map((d) => d.name).sort(), ["Einladung Jinhua.pdf", "Hotelbestätigung.pdf", "programm.sh"]);

  const colleague = freshDataDir();
  await cli(colleague.db, "import", bundle);
  const kept = readdirSync(join(colleague.home, "documents")).sort();
  const hashes = [invitation, hotel, script].map((file) => createHash("sha256").update(readFileSync(file)).digest("hex")).sort();
  assert.deepEqual(kept, hashes, "the colleague's Partnerdesk keeps each file under its content hash");
});
