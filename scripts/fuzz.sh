#!/usr/bin/env bash
# Fuzzes every importer (trip bundle, .ics, .csv/.xlsx, .vcf), the restore path, the change
# sets of the office folder, the attaching of a document and the zoned-time parser for a
# bounded time each: FUZZ_SECONDS per target (default 25), or the targets named as arguments.
# Fails on a panic, a timeout or a memory limit hit, naming the input that caused it; the
# input stays in fuzz/artifacts/<target>/ and replays with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run --dev --sanitizer none <target> <file>` in fuzz/.
# For a release (scripts/release-check.sh): FUZZ_PROFILE=release builds optimised, FUZZ_MERGE=1
# merges what each run found into fuzz/corpus/<target>, keeping only inputs that add coverage,
# and FUZZ_STATS=<file> appends "target, executions, coverage, result" per target.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
# cargo-fuzz passes nightly-only flags (sanitizer coverage, address sanitizer); stable rustc
# accepts them with this.
export RUSTC_BOOTSTRAP=1

seconds=${FUZZ_SECONDS:-25}
declare -A max_len=([import_bundle]=65536 [import_calendar]=16384 [import_table]=16384 [import_contacts]=8192 [restore]=65536 [sharing_changes]=65536 [attach_document]=65536 [zoned_time]=256)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(import_bundle import_calendar import_table import_contacts restore sharing_changes attach_document zoned_time)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
# Without the address sanitizer and in the lightly optimised dev profile (fuzz/Cargo.toml): the
# code under test is safe Rust and SQLite's C, which the sanitizer does not instrument anyway,
# and the build fits into CI. libFuzzer still stops on a panic, an abort, a timeout and memory
# beyond the RSS limit.
build_flags=(--dev --sanitizer none)
[ "${FUZZ_PROFILE:-dev}" = release ] && build_flags=(--release --sanitizer none)
echo "== Fuzz targets: build"
cargo fuzz build "${build_flags[@]}"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=()
for target in "${targets[@]}"; do
  echo "== Fuzzing $target for ${seconds}s"
  mkdir -p "$scratch/$target" "artifacts/$target"
  touch "$scratch/started"
  # New inputs go to the scratch folder; the committed seeds in corpus/ stay as they are.
  if ! cargo fuzz run "${build_flags[@]}" "$target" "$scratch/$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len="${max_len[$target]}" -rss_limit_mb=2048 -timeout=20 \
      -print_final_stats=1 >"$scratch/$target.log" 2>&1; then
    tail -n 40 "$scratch/$target.log" >&2
    failed+=("$target")
    find "artifacts/$target" -type f -newer "$scratch/started" -printf "   crashing input: fuzz/artifacts/$target/%f\n" >&2
    result=failed
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" | sed 's/^/   /'
    result=ok
  fi
  if [ -n "${FUZZ_STATS:-}" ]; then
    executions=$(grep -oP 'stat::number_of_executed_units:\s*\K[0-9]+' "$scratch/$target.log" | tail -n 1)
    coverage=$(grep -oP '\bcov: \K[0-9]+' "$scratch/$target.log" | tail -n 1)
    printf '%s\t%s\t%s\t%s\n' "$target" "${executions:-0}" "${coverage:-0}" "$result" >>"$FUZZ_STATS"
  fi
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    cargo fuzz run "${build_flags[@]}" "$target" "corpus/$target" "$scratch/$target" -- -merge=1 \
      -max_len="${max_len[$target]}" -rss_limit_mb=2048 -timeout=20 >"$scratch/$target.merge.log" 2>&1
    grep -E "MERGE-OUTER: [0-9]+ new files" "$scratch/$target.merge.log" | sed 's/^/   /' || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Fuzzing found a failure in: ${failed[*]}" >&2
  exit 1
fi
