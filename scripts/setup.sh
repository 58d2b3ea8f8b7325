#!/usr/bin/env bash
# Installs what Partnerdesk needs on a fresh Debian/Ubuntu machine: the system libraries
# Tauri builds against, Node packages, and (with --for-tests) what the tests drive the
# app with. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
[ "${1:-}" = "--for-tests" ] && for_tests=true

packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  libdbus-1-dev libclang-dev)
# strace, iproute2 and util-linux (unshare) run the offline journey in a namespace without network;
# dbus and gnome-keyring give the end-to-end journeys a system keychain of their own; rclone serves
# the shared folder over WebDAV in tests/sharing_webdav.rs; radicale and python3-caldav are the
# calendar server and client of tests/calendar_publishing.rs; LibreOffice recalculates the costs
# workbook in tests/costs_workbook.rs and reads the report's DOCX in tests/report_docx.rs.
$for_tests && packages+=(xvfb xauth webkit2gtk-driver poppler-utils fonts-dejavu-core strace iproute2 util-linux
  dbus gnome-keyring rclone radicale python3-caldav libreoffice-calc-nogui libreoffice-writer-nogui)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it from rustup (stable)." >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20 or newer with npm is missing." >&2; exit 1; }

npm ci --prefix ui --no-audit --no-fund --loglevel=error
if $for_tests; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
  command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --quiet
  # Checks the licences and sources of the Rust dependencies; building it takes a few minutes once.
  command -v cargo-deny >/dev/null || cargo install cargo-deny --locked --quiet
  # Builds and runs the fuzz targets in fuzz/ (scripts/fuzz.sh).
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
fi
