// The window's lock-down, seen from a script inside it: commands called with malformed
// arguments are refused before they run and change nothing, and the content security policy
// stops eval, inline scripts and styles and any connection but the IPC.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { byTestId, cli, click, eventually, freshDataDir, launch, listJson } from "../app.mjs";

/**
 * Calls a command as any script in the window could, bypassing ui/src/lib/api/. (A result
 * with an `error` key would read as a WebDriver error, hence `rejected`.)
 */
async function invoke(browser, command, args) {
  return browser.executeAsync((command, args, done) => {
    window.__TAURI_INTERNALS__.invoke(command, args).then((ok) => done({ ok }), (rejected) => done({ rejected }));
  }, command, args);
}

// What Tauri rejects a malformed argument with, before the command runs; `call()` in
// call() in ui/src/lib/api/call.ts turns exactly this form into {kind: "invalid_argument"}.
function assertInvalidArgument(result, command, argument, detail) {
  assert.ok(!("ok" in result), `${command} ran: ${JSON.stringify(result.ok)}`);
  assert.equal(typeof result.rejected, "string", `${command}: ${JSON.stringify(result.rejected)}`);
  assert.ok(result.rejected.startsWith(`invalid args \`${argument}\` for command \`${command}\`: `), result.rejected);
  assert.match(result.rejected, detail);
}

test("commands called with malformed arguments refuse with a typed error and change nothing", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trips = await listJson(dir.db, "trips");
  const trip = trips[0];
  const target = join(dir.home, "export.pdf");

  const { browser, close } = await launch(dir, "lockdown-arguments", { PARTNERDESK_TEST_SAVE_FILE: target });
  try {
    await byTestId(browser, "next-trip", { timeout: 15000 });
    const settings = (await invoke(browser, "get_settings", {})).ok;
    assert.ok(settings.language, "the IPC answers well-formed calls");
    const onePage = await invoke(browser, "list_trips", { query: { limit: 1 } });
    assert.equal(onePage.ok.items.length, 1, "a well-formed query is answered");

    const validTrip = {
      title: "Eingeschleust", direction: "outgoing", partner_place: "Jinhua", partner_country: "China",
      time_zone: "Asia/Shanghai", start_date: "2027-05-01", end_date: "2027-05-03", purpose: "", status: "planning",
      notes: "",
    };
    assertInvalidArgument(
      await invoke(browser, "create_trip", { input: { ...validTrip, title: 5 } }),
      "create_trip", "input", /invalid type: integer `5`, expected a string/,
    );
    assertInvalidArgument(await invoke(browser, "create_trip", {}), "create_trip", "input", /missing required key input/);
    assertInvalidArgument(
      await invoke(browser, "create_trip", { input: { ...validTrip, direction: "sideways" } }),
      "create_trip", "input", /unknown variant `sideways`/,
    );
    assertInvalidArgument(
      await invoke(browser, "update_settings", { settings: { ...settings, language: "fr" } }),
      "update_settings", "settings", /unknown variant `fr`, expected `de` or `en`/,
    );
    assertInvalidArgument(
      await invoke(browser, "list_trips", { query: { limit: -1 } }),
      "list_trips", "query", /invalid value: integer `-1`/,
    );
    assertInvalidArgument(
      await invoke(browser, "list_trips", { query: { offset: -50 } }),
      "list_trips", "query", /invalid value: integer `-50`/,
    );
    assertInvalidArgument(
      await invoke(browser, "export_trip", {
        trip_id: trip.id, format: "docx", options: { language: "de", member_id: null }, title: "Export", file_name: "x.docx",
      }),
      "export_trip", "format", /unknown variant `docx`/,
    );
    assertInvalidArgument(await invoke(browser, "delete_trip", { id: { $ne: null } }), "delete_trip", "id", /invalid type: map/);
    assertInvalidArgument(
      await invoke(browser, "set_status_of_tasks", { ids: "all", status: "done" }),
      "set_status_of_tasks", "ids", /invalid type: string "all", expected a sequence/,
    );

    assert.deepEqual((await invoke(browser, "get_settings", {})).ok, settings, "settings unchanged");
    assert.ok(!existsSync(target), "no file written: the export never ran");
  } finally {
    await close();
  }
  assert.deepEqual(await listJson(dir.db, "trips"), trips, "trips unchanged");
});

test("the content security policy stops eval, inline code and foreign connections, and the app still draws", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trips = await listJson(dir.db, "trips");
  const { browser, close } = await launch(dir, "lockdown-csp");
  try {
    await byTestId(browser, "next-trip", { timeout: 15000 });
    await browser.execute(() => {
      window.violations = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    // Every area of the app, then a trip: none of them needs anything the policy forbids.
    await click(browser, "open-year");
    await byTestId(browser, "year-trip");
    for (const area of ["overview", "tasks", "partnerships", "people", "organisations", "gifts", "trash", "settings", "trips"]) {
      await click(browser, `nav-${area}`);
      await browser.pause(300);
    }
    const [first] = await browser.$$('[data-testid="trip-row"] .row-link');
    await first.click();
    await byTestId(browser, "programme");
    await browser.pause(300);
    assert.deepEqual(await browser.execute(() => window.violations), [], "the app itself violates nothing");

    // The app's own dynamic styles are set through the CSSOM, which the policy allows.
    await click(browser, "nav-trips");
    const started = trips.filter((t) => t.checklist_total > 0 && t.checklist_done > 0);
    assert.ok(started.length > 0, "the demo has a trip whose preparation has begun");
    const meterWidths = await eventually(async () => {
      const widths = await browser.execute(() =>
        [...document.querySelectorAll(".meter span")].map((bar) => bar.getBoundingClientRect().width));
      return widths.filter((width) => width > 0).length >= started.length && widths;
    }, { message: "preparation meters drawn with their width" });
    assert.ok(meterWidths.length >= started.length);

    const attempts = await browser.execute(async () => {
      const outcome = {};
      try {
        outcome.eval = String(eval("6 * 7"));
      } catch (error) {
        outcome.eval = error.name;
      }
      try {
        outcome.function = String(new Function("return 6 * 7")());
      } catch (error) {
        outcome.function = error.name;
      }
      const script = document.createElement("script");
      script.textContent = "window.injected = true;";
      document.body.append(script);
      outcome.inlineScript = window.injected === true ? "ran" : "blocked";
      const box = document.createElement("div");
      box.setAttribute("style", "width: 123px; position: absolute");
      document.body.append(box);
      outcome.inlineStyle = box.getBoundingClientRect().width === 123 ? "applied" : "blocked";
      box.remove();
      // A port on this machine that the policy does not list: blocked before any connection.
      outcome.fetch = await fetch("http://127.0.0.1:9/").then(() => "connected", (error) => error.name);
      await new Promise((done) => setTimeout(done, 300));
      outcome.violations = window.violations;
      return outcome;
    });
    assert.equal(attempts.eval, "EvalError");
    assert.equal(attempts.function, "EvalError");
    assert.equal(attempts.inlineScript, "blocked");
    assert.equal(attempts.inlineStyle, "blocked");
    assert.equal(attempts.fetch, "TypeError");
    const directives = attempts.violations.map((violation) => violation.split(" ")[0]);
    for (const directive of ["script-src", "style-src", "connect-src"]) {
      assert.ok(directives.some((d) => d.startsWith(directive)), `${directive} reported: ${attempts.violations}`);
    }
  } finally {
    await close();
  }
});
