#!/usr/bin/env bash
# Checks a release archive from scripts/package.sh the way a runner with only the C libraries would use it:
# the checksum matches, `ldd` shows no Swift runtime library, and the binary runs `--version` and `demo` with the
# toolchain out of reach (an empty environment: no LD_LIBRARY_PATH, PATH=/usr/bin:/bin).
#
#   scripts/check-package.sh ARCHIVE
set -euo pipefail
archive="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
(cd "$(dirname "$archive")" && sha256sum -c "$(basename "$archive").sha256" >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work" --strip-components=1
bin="$work/starrocks-drift"
# ldd's output is read once into a variable: `ldd | grep -q` under pipefail fails at random when grep exits first
# and ldd dies of SIGPIPE.
linked="$(ldd "$bin")"
if grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime' <<<"$linked"; then
  echo "check-package: the binary links the Swift runtime dynamically (above)" >&2
  exit 1
fi
for lib in libmariadb libcurl; do
  grep -q "$lib" <<<"$linked" || { echo "check-package: $lib is not linked" >&2; exit 1; }
done
version="$(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" ./starrocks-drift --version)"
[ -n "$version" ] || { echo "check-package: --version printed nothing" >&2; exit 1; }
(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" ./starrocks-drift demo --out "$work/demo-report" >/dev/null 2>"$work/demo.err") \
  || { echo "check-package: demo failed:" >&2; cat "$work/demo.err" >&2; exit 1; }
[ -s "$work/demo-report/drift-report.json" ] || { echo "check-package: demo wrote no report" >&2; exit 1; }
echo "check-package: $(basename "$archive") runs --version ($version) and demo without the Swift toolchain"
