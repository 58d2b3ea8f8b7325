// Drives the real Partnerdesk binary in a real window: tauri-driver in front of
// WebKitWebDriver, under the X display the test command provides. Every session gets its
// own data directory and database file, so tests never touch a user's data.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { connect } from "node:net";
import { closeSync, mkdtempSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { remote } from "webdriverio";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const binary = process.env.PARTNERDESK_BIN ?? join(root, "target/debug/partnerdesk");
export const artifacts = join(root, "tests/e2e/artifacts");
mkdirSync(artifacts, { recursive: true });

const PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

function portOpen(port) {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => socket.end(() => done(true)));
    socket.once("error", () => done(false));
  });
}

/** A fresh data directory with the database path inside it. */
export function freshDataDir() {
  const home = mkdtempSync(join(tmpdir(), "partnerdesk-e2e-"));
  return { home, db: join(home, "partnerdesk.sqlite") };
}

/** Runs the command line of the same binary on the given database. */
export function cli(db, ...args) {
  return new Promise((done, fail) => {
    const child = spawn(binary, ["--db", db, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`partnerdesk ${args.join(" ")}: ${err}`))));
  });
}

/** A D-Bus session of its own with an unlocked, throwaway GNOME keyring: "the system keychain"
 *  for an app launched with `env`, without touching the user's own. */
export function throwawayKeychain() {
  const home = mkdtempSync(join(tmpdir(), "partnerdesk-keychain-"));
  const bus = spawnSync("dbus-daemon", ["--session", "--fork", "--print-address=1", "--print-pid=1"], { encoding: "utf8" });
  assert.equal(bus.status, 0, `dbus-daemon: ${bus.stderr}`);
  const [address, pid] = bus.stdout.trim().split("\n");
  const env = { DBUS_SESSION_BUS_ADDRESS: address };
  const keyring = spawnSync("gnome-keyring-daemon", ["--unlock", "--components=secrets"], {
    input: "partnerdesk-tests",
    env: { ...process.env, ...env, XDG_DATA_HOME: home },
    encoding: "utf8",
  });
  assert.equal(keyring.status, 0, `gnome-keyring-daemon: ${keyring.stderr}`);
  // The keyring daemon ends with its bus.
  const stop = () => {
    process.kill(Number(pid));
    rmSync(home, { recursive: true, force: true });
  };
  return { env, stop };
}

/**
 * Starts the app on `db` and returns the WebdriverIO browser plus a `close()`.
 * The app inherits XDG directories inside `home`, so its webview data stays there too.
 * With `traceTo`, strace writes every connect/send of the driver, WebKitWebDriver, the app
 * and its web processes to that file (tests/e2e/offline); it is complete once `close()` returns.
 * A second app running at the same time needs a driver `port` of its own (it uses the next one too).
 * `application` starts another binary (the benchmarks' empty window); `requestedAt` is when the
 * session that started the app was asked for (performance.now()).
 */
export async function launch({ home, db }, name = "last", extraEnv = {}, { traceTo, port = PORT, application = binary } = {}) {
  const env = {
    ...process.env,
    ...extraEnv,
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_CACHE_HOME: join(home, "cache"),
  };
  // The driver's output goes to a file: a pipe inherited by the app would keep this process alive.
  const logPath = join(home, "tauri-driver.log");
  const log = openSync(logPath, "w");
  const driverArgs = ["--port", String(port), "--native-port", String(port + 1)];
  const trace = ["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg", "-o", traceTo];
  const [command, ...args] = [...(traceTo ? trace : []), "tauri-driver", ...driverArgs];
  const driver = spawn(command, args, { env, stdio: ["ignore", log, log] });
  // strace ignores SIGTERM and ends with the last process it follows: end the driver under it.
  const stopDriver = () => (traceTo ? spawnSync("pkill", ["-P", String(driver.pid)]) : driver.kill());
  closeSync(log);
  for (let waited = 0; waited < 10000 && !(await portOpen(port)); waited += 100) await sleep(100);
  let browser;
  let requestedAt;
  for (let attempt = 0; attempt < 40 && !browser; attempt += 1) {
    try {
      requestedAt = performance.now();
      browser = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "silent",
        connectionRetryCount: 0,
        capabilities: {
          // WebKitWebDriver speaks classic WebDriver only, no BiDi.
          "wdio:enforceWebDriverClassic": true,
          "tauri:options": { application, args: ["--db", db] },
        },
      });
    } catch (error) {
      if (attempt === 39) {
        stopDriver();
        throw new Error(`could not start a session: ${error.message}\n${readFileSync(logPath, "utf8")}`);
      }
      await sleep(250);
    }
  }
  await browser.setTimeout({ implicit: 0 });
  const close = async () => {
    try {
      // What the window showed last: the first place to look when a journey fails.
      await browser.saveScreenshot(join(artifacts, `${name}-last.png`)).catch(() => {});
      await browser.deleteSession();
    } finally {
      stopDriver();
      // Should the session have left the app running, end it: the next journey starts clean.
      spawnSync("pkill", ["-f", `--db ${db}`]);
      await new Promise((done) => (driver.exitCode !== null ? done() : driver.once("exit", done)));
    }
  };
  return { browser, close, requestedAt };
}

/** The element with `data-testid`, waited for. */
export async function byTestId(browser, id, { timeout = 5000 } = {}) {
  const element = await browser.$(`[data-testid="${id}"]`);
  await element.waitForDisplayed({ timeout });
  return element;
}

export async function click(browser, testId) {
  const element = await byTestId(browser, testId);
  await element.click();
}

/** Replaces the text of an input found by CSS selector, typing as a user would. */
export async function fill(browser, selector, text) {
  const element = await browser.$(selector);
  await element.waitForDisplayed({ timeout: 5000 });
  // A dialog still growing (a list in it loading) may lie over the field for a moment.
  await eventually(async () => {
    await element.scrollIntoView({ block: "center" });
    await element.click();
    return true;
  }, { message: `a click into ${selector}` });
  // Cleared as a user would, and checked: on a loaded machine a keystroke can land before the
  // field has focus. An empty field gets no Backspace (in a picker it would take a chip off).
  // A keystroke can also go missing while typing: the text is typed again until the field holds
  // it (ignoring case, which some fields change as they are typed in).
  for (let typing = 0; typing < 3; typing += 1) {
    for (let attempt = 0; attempt < 5 && (await element.getValue()) !== ""; attempt += 1) {
      await browser.keys(["Control", "a"]);
      await browser.keys("Backspace");
    }
    if (text === "") return;
    await element.addValue(text);
    if ((await element.getValue()).toLowerCase() === text.toLowerCase()) return;
  }
}

/** Chooses an option of a <select> by its value. */
export async function choose(browser, selector, value) {
  const element = await browser.$(selector);
  await element.waitForDisplayed({ timeout: 5000 });
  await element.selectByAttribute("value", value);
}

/** The text of the element with `data-testid`, once it is shown. */
export async function textOf(browser, testId) {
  return (await byTestId(browser, testId)).getText();
}

/** Parses what `partnerdesk list … --json` prints. */
export async function listJson(db, ...what) {
  return JSON.parse(await cli(db, "list", ...what, "--json"));
}

/** Waits until `read()` returns something truthy, and returns it. */
export async function eventually(read, { timeout = 5000, message = "condition" } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await read();
      if (last) return last;
    } catch {
      // Elements may be re-rendered while we look; try again.
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${message} (last: ${JSON.stringify(last)})`);
}

export async function texts(browser, selector) {
  const elements = await browser.$$(selector);
  const result = [];
  for (const element of elements) result.push(await element.getText());
  return result;
}

/** The text of every element matching `selector`, read in one step: a list that re-renders
 *  while it is read cannot leave a stale element behind. */
export async function textContents(browser, selector) {
  return browser.execute((css) => [...document.querySelectorAll(css)].map((element) => element.textContent.trim()), selector);
}

/** Types `typed` into a register picker and picks the first record found, once that one names
 *  `shown` (the options of an earlier keystroke may still show). */
export async function pickFromRegister(browser, input, typed, shown = typed) {
  await fill(browser, input, typed);
  await eventually(async () => {
    const [first] = await browser.$$('[data-testid="register-option"]');
    // textContent: WebKit's driver leaves the clipped label out of the element's text.
    return first && (await first.getProperty("textContent")).toLowerCase().includes(shown.toLowerCase());
  }, { message: `register options for ${typed}` });
  await click(browser, "register-option");
}

/** Waits until the elements matching `selector` read `expected` (views load after they show). */
export async function expectTexts(browser, selector, expected, { timeout = 5000 } = {}) {
  let seen = [];
  await eventually(async () => {
    seen = await texts(browser, selector);
    return JSON.stringify(seen) === JSON.stringify(expected);
  }, { timeout, message: `${selector} to read ${JSON.stringify(expected)}` }).catch(async () => {
    await browser.saveScreenshot(join(artifacts, `expected-texts-failed-${Date.now()}.png`)).catch(() => {});
    assert.deepEqual(seen, expected, selector);
  });
}

/** Waits until the elements matching `selector` hold `expected`, read in one step as their text
 *  content: WebKit's driver leaves clipped text out of an element's text, and a list that
 *  re-renders while it is read element by element leaves stale elements behind. */
export async function expectContents(browser, selector, expected, { timeout = 5000 } = {}) {
  let seen = [];
  await eventually(async () => {
    seen = await textContents(browser, selector);
    return JSON.stringify(seen) === JSON.stringify(expected);
  }, { timeout, message: `${selector} to hold ${JSON.stringify(expected)}` }).catch(async () => {
    await browser.saveScreenshot(join(artifacts, `expected-contents-failed-${Date.now()}.png`)).catch(() => {});
    assert.deepEqual(seen, expected, selector);
  });
}

export async function screenshot(browser, name, target = join(artifacts, `${name}.png`)) {
  // Let the window paint what the DOM already holds: a loaded machine lags a frame or two.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200))));
  await browser.saveScreenshot(target);
  return target;
}

/** Skips the first-start question (answering "start empty"). */
export async function skipWelcome(browser) {
  await click(browser, "welcome-skip");
  await (await browser.$('[data-testid="welcome"]')).waitForDisplayed({ reverse: true, timeout: 5000 });
}

/** Opens the trip with this title from the trip list, once the list shows it. */
export async function openTrip(browser, title) {
  await click(browser, "nav-trips");
  const link = await eventually(async () => {
    for (const candidate of await browser.$$('[data-testid="trip-row"] .row-link')) {
      if ((await candidate.getText()) === title) return candidate;
    }
    return null;
  }, { message: `trip "${title}" in the list`, timeout: 10000 });
  await link.click();
  await byTestId(browser, "programme");
}

/** Opens the partnership of `place` from the register. */
export async function openPartnership(browser, place) {
  await click(browser, "nav-partnerships");
  const link = await eventually(async () => {
    for (const candidate of await browser.$$('[data-testid="partnership-row"] .row-link')) {
      if ((await candidate.getText()) === place) return candidate;
    }
    return null;
  }, { message: `partnership ${place}` });
  await link.click();
  await byTestId(browser, "partnership-title");
}

/** Types into a trip picker and picks the first trip found, once the options are those for `text`
 *  (the options of an earlier keystroke may still show). */
export async function pickTrip(browser, selector, text) {
  await fill(browser, selector, text);
  await eventually(async () => {
    // textContent: WebKit's driver leaves clipped text out of an element's text.
    const labels = [];
    for (const option of await browser.$$('[data-testid="trip-option"]')) labels.push(await option.getProperty("textContent"));
    return labels.length > 0 && labels.every((label) => label.includes(text));
  }, { message: `trip options for ${text}` });
  await click(browser, "trip-option");
}
