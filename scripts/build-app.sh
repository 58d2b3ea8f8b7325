#!/usr/bin/env bash
# Builds the UI and the app binary with the UI embedded (what the end-to-end tests drive).
set -euo pipefail
cd "$(dirname "$0")/.."
npm --prefix ui run build --silent
cargo build --features custom-protocol
