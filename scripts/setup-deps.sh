#!/usr/bin/env bash
# Installs the Debian 12 packages DLI Tracker needs to build, test and run.
# Idempotent and quiet: when everything is installed it prints nothing and changes nothing.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-pdf-dev qt6-svg-dev libqt6opengl6-dev libxkbcommon-dev libgl-dev
    libsqlite3-dev sqlite3
    libmuparser-dev libcsv-dev libminizip-dev libxlsxwriter-dev libsodium-dev libexif-dev
    catch2
    fonts-dejavu-core
    poppler-utils
    python3 python3-jsonschema
    clang-format
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these packages are missing: ${missing[*]}" >&2
    echo "setup: run this script as root (or with sudo) to install them." >&2
    exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
