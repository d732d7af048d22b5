#!/usr/bin/env bash
# Builds a release starrocks-drift with the Swift standard library and Foundation linked statically, so a machine
# needs only the C libraries (libmariadb, libcurl) to run it, and packs it for a release:
#
#   scripts/package.sh [OUTDIR]      (default OUTDIR: dist/)
#
# Prints the archive path and its SHA-256 (also written next to it as ARCHIVE.sha256, the form `sha256sum -c` and
# the GitHub Action check). Archive: starrocks-drift-<version>-linux-<arch>.tar.gz holding
# starrocks-drift-<version>/{starrocks-drift,README.md}.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

swift build -c release --static-swift-stdlib --product starrocks-drift >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/starrocks-drift"

if ldd "$bin" | grep -q 'libswift\|libFoundation'; then
  echo "package: $bin still links the Swift runtime dynamically:" >&2
  ldd "$bin" | grep 'libswift\|libFoundation' >&2
  exit 1
fi

version="$("$bin" --version | tr -d '[:space:]')"
name="starrocks-drift-${version}"
archive="${name}-linux-$(uname -m).tar.gz"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name"
cp "$bin" "$stage/$name/starrocks-drift"
strip "$stage/$name/starrocks-drift" 2>/dev/null || true
cp README.md "$stage/$name/"
tar -C "$stage" -czf "$out/$archive" "$name"
(cd "$out" && sha256sum "$archive" > "$archive.sha256")
sha="$(cut -d' ' -f1 "$out/$archive.sha256")"
echo "$out/$archive"
echo "sha256 $sha"
