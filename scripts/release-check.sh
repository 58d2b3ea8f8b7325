#!/usr/bin/env bash
# The checks before a release that are too long for every CI run, each on this machine:
#   1. the crash tests with five times CI's kills (PARTNERDESK_CRASH_SCALE, default 5: 1,200
#      kills during rapid editing, large imports, backups, restores and while applying the
#      office's change files), in the same build as CI's;
#   2. every fuzz target for FUZZ_SECONDS each (default 3600: one CPU-hour) in an optimised
#      build, what each run found merged into fuzz/corpus/<target> (inputs that add coverage
#      only), so that CI's short runs start from it.
# The figures (kills, executions, coverage, failures) are written into docs/security.md between
# its release-check markers. Commit the corpora and docs/security.md afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${PARTNERDESK_CRASH_SCALE:-5}"
seconds="${FUZZ_SECONDS:-3600}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== Crash tests, ${scale} times CI's kills"
crash_started=$(date +%s)
crash_result=ok
PARTNERDESK_CRASH_SCALE="$scale" cargo test --features custom-protocol --test crash -- --nocapture \
  2>&1 | tee "$work/crash.log" || crash_result=failed
crash_minutes=$(( ($(date +%s) - crash_started + 59) / 60 ))
kills=$({ grep -oP '^(rapid editing|imports|syncs|backups|restores): \K[0-9]+(?= kills)' "$work/crash.log" || true; } \
  | awk '{ sum += $1 } END { print sum + 0 }')

echo "== Fuzzing every target for ${seconds}s"
fuzz_result=ok
FUZZ_SECONDS="$seconds" FUZZ_PROFILE=release FUZZ_MERGE=1 FUZZ_STATS="$work/fuzz.tsv" bash scripts/fuzz.sh \
  || fuzz_result=failed

{
  echo "<!-- release-check:start -->"
  echo "Last run of \`scripts/release-check.sh\`: $(date -u +%Y-%m-%d) on commit $(git rev-parse --short HEAD),"
  echo "$(nproc) cores. Crash tests: ${kills} kills during editing, imports, syncs, backups and restores,"
  echo "${crash_minutes} min, ${crash_result}. Fuzzing: ${seconds} s per target, optimised build, ${fuzz_result}."
  echo
  echo "| Target | Executions | Coverage (edges) | Result |"
  echo "|---|---:|---:|---|"
  while IFS=$'\t' read -r target executions coverage result; do
    echo "| \`${target}\` | ${executions} | ${coverage} | ${result} |"
  done <"$work/fuzz.tsv"
  echo "<!-- release-check:end -->"
} >"$work/figures.md"
python3 - "$work/figures.md" <<'EOF'
import pathlib, re, sys
figures = pathlib.Path(sys.argv[1]).read_text().strip()
doc = pathlib.Path("docs/security.md")
text = doc.read_text()
pattern = re.compile(r"<!-- release-check:start -->.*?<!-- release-check:end -->", re.S)
if not pattern.search(text):
    sys.exit("docs/security.md has no release-check markers")
doc.write_text(pattern.sub(lambda _: figures, text))
EOF
cat "$work/figures.md"
[ "$crash_result" = ok ] && [ "$fuzz_result" = ok ]
