#!/usr/bin/env bash
# Sets everything up and starts Partnerdesk on the database in the user's data directory
# (or on PARTNERDESK_DB / --db PATH). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm --prefix ui run build --silent
cargo run --release --features custom-protocol -- "$@"
