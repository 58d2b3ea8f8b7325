// The real app with no network at all: run by ../offline.sh inside a network namespace of
// its own, where only loopback exists. It opens a trip, shows the programme and exports a
// PDF; strace follows the driver, the app and its web processes and shows that none of them
// even tries to connect anywhere but this machine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { byTestId, cli, click, eventually, freshDataDir, launch, listJson, openTrip, texts } from "../app.mjs";

const TO_JINHUA = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

/** The traced calls that address anything but loopback, a local socket or the kernel. */
function foreignAddresses(trace) {
  return trace.split("\n").filter((line) => {
    const family = line.match(/sa_family=(AF_[A-Z0-9]+)/)?.[1];
    if (!family || ["AF_UNIX", "AF_NETLINK", "AF_UNSPEC"].includes(family)) return false;
    if (family === "AF_INET") return !/inet_addr\("127\.\d+\.\d+\.\d+"\)/.test(line);
    if (family === "AF_INET6") return !/inet_pton\(AF_INET6, "(::1|::ffff:127\.\d+\.\d+\.\d+)"/.test(line);
    return true;
  });
}

test("without a network the app works and attempts no connection", async () => {
  const made = (address) => `4711  connect(9, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("${address}")}, 16) = -1 ENETUNREACH`;
  assert.deepEqual(foreignAddresses([made("127.0.0.1"), made("192.0.2.1")].join("\n")), [made("192.0.2.1")], "the check itself");
  assert.deepEqual(Object.keys(networkInterfaces()), ["lo"], "run through tests/e2e/offline.sh: only loopback may exist");
  assert.equal(readFileSync("/proc/net/route", "utf8").trim().split("\n").length, 1, "no IPv4 route");
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title === TO_JINHUA);
  const items = await listJson(dir.db, "items", "--trip", trip.id);
  const pdf = join(dir.home, "programm.pdf");
  const traceFile = join(dir.home, "connections.trace");

  const { browser, close } = await launch(dir, "offline", { PARTNERDESK_TEST_SAVE_FILE: pdf }, { traceTo: traceFile });
  try {
    await openTrip(browser, TO_JINHUA);
    const titles = items.map((item) => item.title).sort();
    await eventually(async () => {
      const shown = await texts(browser, '[data-testid="item-open"]');
      return JSON.stringify(shown.sort()) === JSON.stringify(titles);
    }, { message: "the whole programme shown", timeout: 10000 });
    await click(browser, "trip-export");
    await byTestId(browser, "export-dialog");
    await click(browser, "export-format-pdf");
    await click(browser, "export-save");
    await eventually(() => existsSync(pdf) && statSync(pdf).size > 0, { message: "the PDF written", timeout: 20000 });
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
  } finally {
    await close();
  }

  const trace = readFileSync(traceFile, "utf8");
  assert.match(trace, /sun_path="\/tmp\/\.X11-unix\/X\d+"/, "the trace follows the app (its connection to the X server)");
  assert.deepEqual(foreignAddresses(trace), [], "connections to anything but this machine");
});
