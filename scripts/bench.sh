#!/usr/bin/env bash
# Measures Partnerdesk beside what an office would otherwise run and writes docs/benchmarks.md.
# Builds what it needs in release mode, then runs each comparison in one run with the two sides
# taking turns (RUNS times, 5 unless set; the tables give medians):
#   start and memory against an empty Tauri window (tests/e2e/bench/startup.mjs),
#   the PDF export against headless Chromium and the CSV import against sqlite3 (benches/peers.rs),
#   the queries behind the screens on a twenty-year office (benches/scale.rs),
#   and the size of the .deb package.
# Benchmarks, not tests: nothing here passes or fails on a figure.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
root="$PWD"

command -v tauri-driver >/dev/null && command -v WebKitWebDriver >/dev/null || bash scripts/setup.sh --for-tests
for tool in chromium sqlite3; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool"
done

echo "== Building in release mode"
npm --prefix ui run build --silent
cargo build --release --features custom-protocol --bin partnerdesk --example empty_window
ours="$root/target/release/partnerdesk"
empty="$root/target/release/examples/empty_window"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== Writing a twenty-year office"
"$ours" --db "$work/office.sqlite" demo --office-years 20 >/dev/null

echo "== Start and memory against an empty Tauri window"
startup="$(xvfb-run -a -s "-screen 0 1440x900x24" node tests/e2e/bench/startup.mjs "$ours" "$empty" "$work/office.sqlite" "$runs")"
echo "$startup"

echo "== PDF against Chromium, CSV import against sqlite3"
peers="$(RUNS="$runs" PARTNERDESK_BIN="$ours" cargo bench --bench peers 2>/dev/null | grep '^|')"
echo "$peers"

echo "== The queries behind the screens"
scale="$(cargo bench --bench scale 2>/dev/null)"
echo "$scale"

echo "== The package"
npx --yes @tauri-apps/cli@2 build --bundles deb >/dev/null
deb="$(ls -t target/release/bundle/deb/*.deb | head -n 1)"
deb_mib="$(du -m --apparent-size "$deb" | cut -f1)"

figure() { grep -F "$1" <<<"$scale" | head -n 1 | grep -oE '[0-9]+\.[0-9]+ ms.*$'; }
machine="$(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB"

{
  echo "# Benchmarks"
  echo
  echo "Written by \`bash scripts/bench.sh\` on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), on $machine."
  echo "Each pair ran in one run, the two sides taking turns; every figure is the median of the runs."
  echo
  echo "## Beside what an office would otherwise run"
  echo
  echo "| What | Partnerdesk | The other | Compared | Goal | Runs |"
  echo "|---|---|---|---|---|---|"
  echo "$startup"
  echo "$peers"
  echo
  echo "## In the running app, on a twenty-year office"
  echo
  echo "2,000 trips, 40,000 programme items, 20,000 people and organisations, 50,000 tasks (\`demo --office-years 20\`); median of 25 runs."
  echo
  echo "| What | Time | Goal |"
  echo "|---|---|---|"
  echo "| Search, 200 mixed queries of 1–20 characters in both scripts | $(figure 'office search, 200 mixed queries') | p95 ≤ 16 ms |"
  echo "| Overview, the first screen | $(figure 'overview (first screen)') | ≤ 16 ms |"
  echo "| Trip list, first page | $(figure 'trip list, first page') | ≤ 16 ms |"
  echo "| Tasks, open, first page | $(figure 'tasks, open, first page') | ≤ 16 ms |"
  echo "| Tasks, all, text filter \"dankschreiben\" | $(figure 'tasks, all, search') | ≤ 16 ms |"
  echo "| People, text filter \"huang lei\" | $(figure 'people list, search') | ≤ 16 ms |"
  echo "| Saving a programme item | $(figure 'saving a programme item') | ≤ 5 ms |"
  echo "| PDF of a programme again, in the running app (de+zh) | $(figure 'PDF of the programme, again') | ≤ 20 ms |"
  echo "| Calendar file of a programme (.ics) | $(figure 'calendar file of the programme') | ≤ 10 ms |"
  echo
  echo "## The package"
  echo
  echo "| What | Size | Goal |"
  echo "|---|---|---|"
  echo "| \`$(basename "$deb")\`, with the Chinese font | $deb_mib MiB | ≤ 25 MB |"
  echo
  echo "## Every query the scale bench times"
  echo
  echo '```'
  echo "$scale"
  echo '```'
  if [[ -f docs/benchmarks-notes.md ]]; then
    echo
    cat docs/benchmarks-notes.md
  fi
} >docs/benchmarks.md
echo "== Wrote docs/benchmarks.md"
