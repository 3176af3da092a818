#!/usr/bin/env bash
# README command 1: install what is needed, build in Release, create the demo program and open
# the window on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh

demo=build/demo.dlidb
rm -f "$demo" "$demo-wal" "$demo-shm"
build/release/app/dlitracker-cli demo "$demo"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    # No display: do the main job where it can be seen. The demo's story ends on 1 July 2026, so
    # its latest quarter is FY2026-Q4 (April to June 2026).
    cli=build/release/app/dlitracker-cli
    reports=build/reports
    mkdir -p "$reports"
    export DLITRACKER_PASSWORD=psic-demo
    echo
    echo "What the demo program can claim as of 30 June 2026, the end of its latest quarter:"
    echo
    "$cli" status "$demo" --as-of 2026-06-30 --user viewer
    echo
    echo "Its quarterly progress report for FY2026-Q4:"
    "$cli" report "$demo" --quarter FY2026-Q4 --out "$reports/demo-FY2026-Q4.pdf" --user viewer
    "$cli" report "$demo" --quarter FY2026-Q4 --out "$reports/demo-FY2026-Q4.xlsx" --user viewer \
        | head -n 1
    unset DLITRACKER_PASSWORD
    cat >&2 <<MSG

The demo database is ready at $demo, but there is no display to open the window on.
  - Look at the demo from the command line (demo accounts: admin, officer, verifier, manager,
    viewer; password psic-demo):
        DLITRACKER_PASSWORD=psic-demo build/release/app/dlitracker-cli show $demo --user viewer
  - Run the window on a virtual display (apt-get install xvfb):
        xvfb-run -a build/release/app/dlitracker $demo
  - Take a picture of the window with no display at all:
        QT_QPA_PLATFORM=offscreen build/release/app/dlitracker --demo --screenshot demo.png
MSG
    exit 0
fi
exec build/release/app/dlitracker "$demo"
