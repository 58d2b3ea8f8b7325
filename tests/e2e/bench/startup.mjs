// Start and memory beside an empty Tauri window, for scripts/bench.sh: the two binaries take
// turns, each started through tauri-driver like the journeys start the app. Start is the time
// from asking for the session to the first screen showing its data (the overview's next trip
// on the twenty-year office; the empty window's one line); memory is the PSS of the app and its
// WebKit processes once that screen is there. Prints two Markdown table rows, medians.
// Usage: node bench/startup.mjs OUR_BINARY EMPTY_WINDOW_BINARY OFFICE_DB [RUNS]
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { freshDataDir, launch } from "../app.mjs";

const [ours, empty, office, runsText = "5"] = process.argv.slice(2);
const runs = Number(runsText);

/** The PIDs of `root` and every process below it. */
function processTree(root) {
  const children = new Map();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  const tree = [root];
  for (let at = 0; at < tree.length; at += 1) tree.push(...(children.get(tree[at]) ?? []));
  return tree;
}

/** The proportional set size of the processes, in MiB. */
function pss(pids) {
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))[1]);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return kib / 1024;
}

/** The PID of the process started from `binary` on `db`. */
function appPid(binary, db) {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (command[0] === binary && command.includes(db)) return Number(entry);
    } catch {
      // Gone.
    }
  }
  throw new Error(`no process of ${binary} on ${db}`);
}

async function once(binary, selector, useOffice) {
  const data = freshDataDir();
  if (useOffice) copyFileSync(office, data.db);
  const session = await launch(data, "bench-start", {}, { application: binary });
  try {
    const { browser, requestedAt } = session;
    for (let waited = 0; waited < 60000; waited += 5) {
      if ((await browser.$$(selector)).length > 0) break;
      await sleep(5);
    }
    const started = performance.now() - requestedAt;
    await sleep(1500);
    const memory = pss(processTree(appPid(binary, data.db)));
    return { started, memory };
  } finally {
    await session.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ourRuns = [];
const emptyRuns = [];
for (let run = 0; run < runs; run += 1) {
  ourRuns.push(await once(ours, '[data-testid="next-trip"]', true));
  emptyRuns.push(await once(empty, "#ready", false));
}
const [ourStart, emptyStart] = [median(ourRuns.map((run) => run.started)), median(emptyRuns.map((run) => run.started))];
const [ourMemory, emptyMemory] = [median(ourRuns.map((run) => run.memory)), median(emptyRuns.map((run) => run.memory))];
console.log(
  `| Start to the overview with its data, twenty-year office | ${ourStart.toFixed(0)} ms | empty Tauri window: ${emptyStart.toFixed(0)} ms | ${(ourStart / emptyStart).toFixed(2)}× as long | ≤ 1.2× | ${runs} |`,
);
console.log(
  `| Memory once shown (PSS of the app and its WebKit processes) | ${ourMemory.toFixed(0)} MiB | empty Tauri window: ${emptyMemory.toFixed(0)} MiB | ${(ourMemory / emptyMemory).toFixed(2)}× as much | ≤ 1.3× | ${runs} |`,
);
