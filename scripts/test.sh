#!/usr/bin/env bash
# The test command: installs dependencies, starts a throwaway MariaDB on loopback for the client tests,
# and runs every test target. Usage: scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -x scripts/mariadb-test-server.sh ]; then scripts/mariadb-test-server.sh start; fi
# Package.swift declares exactly what each target imports (SwiftPM does not check it here).
python3 scripts/check-dependencies.py
# The build log is kept so that a compiler warning in the project's own code fails the run.
build_log="$(mktemp "${TMPDIR:-/tmp}/starrocks-drift-build.XXXXXX")"
swift build --build-tests 2>&1 | tee "$build_log"
scripts/check-build-warnings.sh "$build_log"
rm -f "$build_log"
swift test --skip-build "$@"
