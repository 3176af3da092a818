#!/usr/bin/env bash
# README command 2: install what is needed, build, and run the whole test suite with ctest.
# Exits non-zero on any failure. GUI tests run offscreen, so no display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --preset release --output-on-failure --timeout 300
