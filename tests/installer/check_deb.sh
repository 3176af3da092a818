#!/usr/bin/env bash
# Builds the .deb with CPack from the build folder given as $1 and checks what it holds.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/dlitracker_*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/dlitracker ./usr/bin/dlitracker-cli ./usr/share/applications/dlitracker.desktop \
         ./usr/share/doc/dlitracker/LICENSE; do
    grep -q " $f\$" <<<"$contents" || { echo "missing from the package: $f" >&2; exit 1; }
done
dpkg-deb -f "$deb" Depends | grep -q libqt6widgets6 || { echo "Depends lacks Qt" >&2; exit 1; }
echo "ok: $(basename "$deb")"
