#!/usr/bin/env bash
# Builds a release starrocks-drift with the Swift standard library and Foundation linked statically, so a machine
# needs only the C libraries (libmariadb, libcurl) to run it, and packs it for a release:
#
#   scripts/package.sh [OUTDIR]      (default OUTDIR: dist/)
#
# Prints the archive path and its SHA-256 (also written next to it as ARCHIVE.sha256, the form `sha256sum -c` and
# the GitHub Action check). Archive: starrocks-drift-<tag>-linux-<arch>.tar.gz holding
# starrocks-drift-<tag>/{starrocks-drift,README.md}; <tag> is $DRIFT_RELEASE_TAG, default v<version>.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

swift build -c release --static-swift-stdlib --product starrocks-drift >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/starrocks-drift"

linked="$(ldd "$bin")"   # read once: `ldd | grep -q` under pipefail can fail on SIGPIPE
if grep -q 'libswift\|libFoundation' <<<"$linked"; then
  echo "package: $bin still links the Swift runtime dynamically:" >&2
  grep 'libswift\|libFoundation' <<<"$linked" >&2
  exit 1
fi

version="$("$bin" --version | tr -d '[:space:]')"
# The release tag the archive is published under (the GitHub Action looks for starrocks-drift-<tag>-linux-<arch>).
tag="${DRIFT_RELEASE_TAG:-v$version}"
name="starrocks-drift-${tag}"
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
