// "Kalender veröffentlichen": the officer publishes a trip's programme to the office's CalDAV
// calendar (a real Radicale on this machine) from the trip's page, keeps the password in the
// system keychain (a throwaway one), and publishes again without typing it; a CalDAV client
// library (Python's caldav) reads the events back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { byTestId, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, texts, throwawayKeychain } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const USER = "krings";
const PASSWORD = "Jinhua-2026!";
const CALDAV = `
import caldav, icalendar, json, sys
url, user, password, action = sys.argv[1:5]
if action == "create":
    root = url.split("/" + user + "/")[0] + "/"
    caldav.DAVClient(url=root, username=user, password=password).principal().make_calendar(name="Jinhua", cal_id="jinhua")
else:
    calendar = caldav.Calendar(client=caldav.DAVClient(url=url, username=user, password=password), url=url)
    print(json.dumps([str(e["SUMMARY"]) for r in calendar.events() for e in icalendar.Calendar.from_ical(r.data).walk("VEVENT")]))
`;

function freePort() {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function radicale() {
  const dir = mkdtempSync(join(tmpdir(), "partnerdesk-radicale-"));
  const port = await freePort();
  writeFileSync(join(dir, "users"), `${USER}:${PASSWORD}\n`);
  writeFileSync(join(dir, "config"), `[server]\nhosts = 127.0.0.1:${port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = ${join(dir, "users")}\nhtpasswd_encryption = plain\n[rights]\ntype = owner_only\n[storage]\nfilesystem_folder = ${join(dir, "collections")}\n[web]\ntype = none\n`);
  const server = spawn("radicale", ["--config", join(dir, "config")], { stdio: "ignore" });
  for (let waited = 0; waited < 15000; waited += 100) {
    const open = await new Promise((done) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => socket.end(() => done(true)));
      socket.once("error", () => done(false));
    });
    if (open) break;
    await sleep(100);
  }
  const url = `http://127.0.0.1:${port}/${USER}/jinhua/`;
  const created = spawnSync("/usr/bin/python3", ["-c", CALDAV, url, USER, PASSWORD, "create"], { encoding: "utf8" });
  assert.equal(created.status, 0, created.stderr);
  return { url, stop: () => server.kill() };
}

function summaries(url) {
  const read = spawnSync("/usr/bin/python3", ["-c", CALDAV, url, USER, PASSWORD, "read"], { encoding: "utf8" });
  assert.equal(read.status, 0, read.stderr);
  return JSON.parse(read.stdout).sort();
}

test("an officer publishes the programme to the office's calendar and again without the password", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const items = await listJson(dir.db, "items", "--trip", trip.id);
  const server = await radicale();
  const keychain = throwawayKeychain();
  const { browser, close } = await launch(dir, "publishing", keychain.env);
  try {
    await openTrip(browser, TO_JINHUA);
    await click(browser, "trip-publish");
    await byTestId(browser, "publish-dialog");
    await fill(browser, "#publish-url", "cloud.kreis-dueren.de");
    assert.equal(await (await byTestId(browser, "error-publish-url")).getText(), "Die Adresse beginnt mit https://");
    await fill(browser, "#publish-url", server.url);
    await fill(browser, "#publish-user", USER);
    await fill(browser, "#publish-password", "falsch");
    await click(browser, "publish-submit");
    await eventually(async () => (await (await browser.$('[data-testid="error-publish-password"]')).getText()) === "Der Kalenderserver hat Benutzername oder Passwort abgelehnt.", { message: "the refusal beside the password", timeout: 10000 });
    await fill(browser, "#publish-password", PASSWORD);
    await click(browser, "publish-remember");
    await screenshot(browser, "publish-dialog");
    await click(browser, "publish-submit");
    await eventually(async () => (await texts(browser, '[data-testid="notice"]')).some((text) => text.startsWith(`Veröffentlicht: ${items.length} Termine`)), { message: "the notice", timeout: 15000 });
    assert.deepEqual(summaries(server.url), items.map((item) => item.title).sort());

    // Again, with the password from the keychain.
    await click(browser, "trip-publish");
    await eventually(async () => (await (await browser.$("#publish-password")).getAttribute("placeholder")) === "Im Schlüsselbund gespeichert", { message: "the kept password" });
    await click(browser, "publish-submit");
    await eventually(async () => (await (await browser.$('[data-testid="publish-dialog"]')).isDisplayed()) === false, { message: "published again", timeout: 15000 });
  } finally {
    await close();
    keychain.stop();
    server.stop();
  }
});
