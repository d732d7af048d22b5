#!/usr/bin/env bash
# Installs what starrocks-drift needs on Debian/Ubuntu: the C libraries it links (libmariadb, libcurl), pkg-config,
# and, for the tests, a MariaDB server, the jsonschema validator and PyYAML (the GitHub Action test harness). Idempotent; needs root (or sudo).
set -euo pipefail
need=()
for pkg in libmariadb-dev libcurl4-openssl-dev pkg-config mariadb-server mariadb-client openssl python3-yaml; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
  echo "setup: installing the jsonschema Python package (report schema validation in tests)" >&2
  python3 -m pip install -q jsonschema >/dev/null
fi
command -v swift >/dev/null || { echo "setup: a Swift 6 toolchain is required (https://swift.org/install)" >&2; exit 1; }
