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
trap 'rm -rf "$fresh_bindings"' EXIT
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

echo "== End-to-end journeys"
if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  npm --prefix tests/e2e test --silent
else
  xvfb-run -a -s "-screen 0 1440x900x24" npm --prefix tests/e2e test --silent
fi

echo "== Offline journey: no network, no connection attempted"
if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  bash tests/e2e/offline.sh
else
  xvfb-run -a -s "-screen 0 1440x900x24" bash tests/e2e/offline.sh
fi

echo "== Hostile files: every importer and the restore path fuzzed, ${FUZZ_SECONDS:-25} s each"
bash scripts/fuzz.sh
