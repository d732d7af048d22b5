#!/usr/bin/env bash
# The test command: installs dependencies, starts a throwaway MariaDB on loopback for the client tests,
# and runs every test target. Usage: scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -x scripts/mariadb-test-server.sh ]; then scripts/mariadb-test-server.sh start; fi
swift build --build-tests
swift test --skip-build "$@"
