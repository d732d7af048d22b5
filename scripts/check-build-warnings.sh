#!/usr/bin/env bash
# Fails when a build log shows a compiler warning in the project's own code (Sources/, Tests/), including warnings
# inside macro expansions that originate there. Dependencies' warnings (.build/checkouts) are not ours to fix.
# A warning is only printed when its file is compiled, so this is meaningful on a full build (CI's fresh clone);
# scripts/test.sh runs it on every build. Usage: scripts/check-build-warnings.sh BUILD_LOG
set -euo pipefail
log="${1:?usage: scripts/check-build-warnings.sh BUILD_LOG}"
root="$(cd "$(dirname "$0")/.." && pwd)"
own="$( { grep -E "^$root/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:" "$log" || true
          grep -A1 -E "^macro expansion [^:]*:[0-9]+:[0-9]+: warning:" "$log" \
            | grep -E "$root/(Sources|Tests)/.*originates here" || true
          # Package warnings (e.g. unhandled files) name the files on the lines after the warning.
          grep -A1 -E "^warning: " "$log" | grep -E "^ *$root/(Sources|Tests)/" | sed 's/^ */package warning: unhandled or misdeclared file /' || true; } | sort -u)"
if [ -n "$own" ]; then
  echo "check-build-warnings: the build has compiler warnings in the project's code (fix them; CI fails on any):" >&2
  echo "$own" >&2
  exit 1
fi
echo "check-build-warnings: no compiler warnings in Sources/ or Tests/"
