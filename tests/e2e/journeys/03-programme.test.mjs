// Journey 3: build the programme — items in their own zones, a flight across two zones,
// chosen participants, times the clocks skip or repeat, items outside the trip's dates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, choose, cli, click, eventually, fill, freshDataDir, launch, listJson, openTrip, screenshot, textOf, texts } from "../app.mjs";

async function itemForm(browser, { kind, title, start, end, startZone, endZone }) {
  await click(browser, "add-item");
  if (kind) await choose(browser, "#item-kind", kind);
  await fill(browser, "#item-title", title);
  await fill(browser, "#item-start-date", start[0]);
  await fill(browser, "#item-start-time", start[1]);
  if (startZone) await fill(browser, "#item-start-zone", startZone);
  await fill(browser, "#item-end-date", end[0]);
  await fill(browser, "#item-end-time", end[1]);
  if (endZone) await fill(browser, "#item-end-zone", endZone);
}

test("an officer builds the day-by-day programme in local times", async () => {
  const dir = freshDataDir();
  await cli(dir.db, "demo");
  const trip = (await listJson(dir.db, "trips")).find((t) => t.title.startsWith("Delegation aus Yangzhou"));
  const members = await listJson(dir.db, "members", "--trip", trip.id);
  const { browser, close } = await launch(dir, "programme");
  try {
    await openTrip(browser, trip.title);
    assert.equal((await browser.$$('[data-testid="programme-day"]')).length, 2, "one section per day of the trip");

    // The arrival flight leaves in Shanghai and lands in Frankfurt.
    await itemForm(browser, {
      kind: "flight",
      title: "Ankunft: Flug Shanghai – Frankfurt",
      start: ["08.07.2026", "01:00"],
      startZone: "Asia/Shanghai",
      end: ["08.07.2026", "07:30"],
      endZone: "Europe/Berlin",
    });
    await eventually(async () => (await textOf(browser, "preview-start")).includes("19:00 Heimatzeit"), { message: "home-time preview" });
    await click(browser, "item-save");
    await byTestId(browser, "programme");
    await eventually(async () => (await listJson(dir.db, "items", "--trip", trip.id)).length === 3, { message: "flight saved" });
    const flight = (await listJson(dir.db, "items", "--trip", trip.id))[0];
    assert.deepEqual(
      [flight.start.local, flight.start.zone, flight.start.utc, flight.end.local, flight.end.zone, flight.end.utc],
      ["2026-07-08T01:00", "Asia/Shanghai", "2026-07-07T17:00:00Z", "2026-07-08T07:30", "Europe/Berlin", "2026-07-08T05:30:00Z"],
    );

    // A time the clocks skip is refused at the field; nothing is saved.
    await itemForm(browser, { title: "Nachtgespräch", start: ["29.03.2026", "02:30"], end: ["29.03.2026", "04:00"] });
    await eventually(async () => (await textOf(browser, "error-item-start")).includes("gibt es in dieser Zeitzone nicht"), { message: "skipped time" });
    await click(browser, "item-save");
    assert.equal((await listJson(dir.db, "items", "--trip", trip.id)).length, 3);

    // A time the clocks repeat asks which one is meant; the answer is kept.
    await fill(browser, "#item-start-date", "25.10.2026");
    await fill(browser, "#item-end-date", "25.10.2026");
    await click(browser, "start-fold-later");
    await eventually(async () => (await textOf(browser, "preview-start")).includes("UTC+01:00"), { message: "second reading" });
    await click(browser, "item-save");
    await eventually(async () => (await listJson(dir.db, "items", "--trip", trip.id)).length === 4, { message: "night item saved" });
    const night = (await listJson(dir.db, "items", "--trip", trip.id)).find((i) => i.title === "Nachtgespräch");
    assert.deepEqual([night.start.local, night.start.offset, night.start.utc], ["2026-10-25T02:30", "+01:00", "2026-10-25T01:30:00Z"]);
    // …and, being far outside the trip's dates, it is flagged.
    assert.match(await textOf(browser, "programme-outside"), /Nachtgespräch/);

    // An item for chosen members only.
    await itemForm(browser, { kind: "meeting", title: "Gespräch mit dem Handelsamt", start: ["09.07.2026", "09:00"], end: ["09.07.2026", "10:00"] });
    await fill(browser, "#item-place", "WFK, Fruchthallstraße 14");
    // Hosts come from the register, or are created there on the spot.
    await fill(browser, "#item-hosts", "Stefan Weiler");
    await click(browser, "register-create-person");
    // Typed straight on (Backspace in the empty field would take the last host off again), once
    // the picker has taken the new person and emptied the field: a key typed earlier is lost.
    const hosts = await browser.$("#item-hosts");
    await eventually(async () => (await hosts.getValue()) === "", { message: "host field emptied" });
    await hosts.addValue("Handelsamt Yangzhou");
    await click(browser, "register-create-organisation");
    await click(browser, "participants-chosen");
    const boxes = await browser.$$('[data-testid="participant"]');
    await boxes[1].click();
    await fill(browser, "#item-internal", "Nicht für den Export");
    await click(browser, "item-save");
    await eventually(async () => (await listJson(dir.db, "items", "--trip", trip.id)).length === 5, { message: "meeting saved" });
    const meeting = (await listJson(dir.db, "items", "--trip", trip.id)).find((i) => i.title.startsWith("Gespräch"));
    assert.equal(meeting.everyone, false);
    assert.deepEqual(meeting.participant_ids, [members[1].id]);
    assert.deepEqual(meeting.hosts.map((h) => [h.kind, h.label]), [["person", "Stefan Weiler"], ["organisation", "Handelsamt Yangzhou"]]);
    assert.ok((await listJson(dir.db, "people")).some((p) => p.name_latin === "Stefan Weiler"), "the host joined the register");
    const day2 = (await browser.$$('[data-testid="programme-day"]'))[1];
    assert.match(await day2.getText(), /Gespräch mit dem Handelsamt[\s\S]*Sun Hao/);

    // Edit an item: open it from the day list, change the title.
    const titles = await browser.$$('[data-testid="item-open"]');
    for (const link of titles) if ((await link.getText()) === "Gespräch mit dem Handelsamt") await link.click();
    await fill(browser, "#item-title", "Gespräch mit dem Handelsamt Yangzhou");
    await click(browser, "item-save");
    await eventually(async () => (await texts(browser, '[data-testid="item-open"]')).includes("Gespräch mit dem Handelsamt Yangzhou"), { message: "edited title" });
    await screenshot(browser, "programme-yangzhou");
  } finally {
    await close();
  }
});
