#!/usr/bin/env bash
# Sets up and runs the demo: builds starrocks-drift (release) and runs `starrocks-drift demo`, which starts an
# in-process StarRocks simulator with a dev and a prod catalog (prod carries planted drift) and writes the reports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product starrocks-drift
exec "$(swift build -c release --show-bin-path)/starrocks-drift" demo "$@"
