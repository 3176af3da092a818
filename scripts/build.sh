#!/usr/bin/env bash
# Configures and builds DLI Tracker in Release mode under build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release -- -j"$(nproc)"
