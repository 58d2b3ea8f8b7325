#!/usr/bin/env bash
# Runs the offline journey (tests/e2e/offline/) in a network namespace of its own, where only
# loopback exists: the test, tauri-driver, WebKitWebDriver and the app all run inside it and
# talk over its loopback. Needs strace, iproute2, and an X display: the X server may run
# outside (xvfb-run), since X clients fall back from the abstract socket, which belongs to the
# outer namespace, to the file socket in /tmp/.X11-unix, which does not.
set -euo pipefail
cd "$(dirname "$0")"
# Root may make the namespace; anyone else gets the right to inside a user namespace.
unprivileged=()
[ "$(id -u)" -eq 0 ] || unprivileged=(--user --map-root-user)
exec unshare "${unprivileged[@]}" --net -- sh -c 'ip link set lo up && exec node --test --test-concurrency=1 --test-reporter=spec offline/'
