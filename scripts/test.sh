#!/usr/bin/env bash
# Sets everything up and runs every test: the supply-chain checks, Rust unit and integration
# tests, the check that the TypeScript bindings match the Rust types, the UI type check, the
# end-to-end journeys driving the built app in a real window under Xvfb, and the offline
# journey in a network namespace without network, and every importer and the restore path
# fuzzed for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --for-tests

echo "== Supply chain: licences, bans and sources of the Rust crates"
cargo deny --log-level error check licenses bans sources

echo "== UI build"
npm --prefix ui run build --silent

echo "== Rust tests of the core and the app, the floors check (and TypeScript bindings, generated into a scratch folder)"
fresh_bindings=$(mktemp -d)
trap 'rm -rf "$fresh_bindings" "${journeys_log:-}"' EXIT
TS_RS_EXPORT_DIR="$fresh_bindings" cargo test --workspace --features partnerdesk/custom-protocol --quiet

echo "== TypeScript bindings match the Rust types"
if ! diff -r "$fresh_bindings" ui/src/lib/bindings; then
  echo "ui/src/lib/bindings is out of date: run 'cargo test' and commit the generated files." >&2
  exit 1
fi

echo "== UI type check"
npm --prefix ui run check --silent

echo "== App build with embedded UI"
cargo build --features custom-protocol --quiet

# On a display of its own (Xvfb) unless a developer's display is there.
in_window() {
  if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1440x900x24" "$@"
  fi
}

echo "== End-to-end journeys"
journeys_log=$(mktemp)
if ! in_window npm --prefix tests/e2e test --silent 2>&1 | tee "$journeys_log"; then
  # On this kind of machine the WebKit driver now and then stops answering for half a minute
  # while the window shows the right state; a journey that failed runs once more, alone, and
  # must pass then. A journey that fails twice fails the run.
  failed=$(grep -o 'test at journeys/[^:]*' "$journeys_log" | sed 's/^test at //' | sort -u || true)
  if [ -z "$failed" ]; then
    echo "The end-to-end journeys failed before any journey ran." >&2
    exit 1
  fi
  echo "== End-to-end journeys that failed, once more: $(echo $failed)"
  (cd tests/e2e && in_window node --test --test-concurrency=1 --test-reporter=spec $failed)
fi

echo "== Offline journey: no network, no connection attempted"
in_window bash tests/e2e/offline.sh

echo "== Hostile files: every importer, the restore path, the shared folder's change files, attaching a document and the zoned-time parser fuzzed, ${FUZZ_SECONDS:-25} s each"
bash scripts/fuzz.sh
