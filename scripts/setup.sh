#!/usr/bin/env bash
# Installs what starrocks-drift needs on Debian/Ubuntu: the C libraries it links (libmariadb, libcurl), pkg-config,
# and, for the tests, a MariaDB server and client, the jsonschema validator, PyYAML (the GitHub Action test harness),
# and the Python peer (SQLAlchemy 2 + the `starrocks` dialect + PyMySQL, pinned in scripts/python/requirements.txt)
# in a virtual environment at .build/pyenv (never system-wide). Idempotent; needs root (or sudo) for the Debian packages.
set -euo pipefail
need=()
for pkg in libmariadb-dev libcurl4-openssl-dev pkg-config mariadb-server mariadb-client openssl python3-venv python3-yaml; do
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
# The Python peer: a virtual environment under the build folder, re-created when the pins change.
root="$(cd "$(dirname "$0")/.." && pwd)"
pyenv="$root/.build/pyenv"
requirements="$root/scripts/python/requirements.txt"
if ! cmp -s "$requirements" "$pyenv/requirements.installed" 2>/dev/null; then
  echo "setup: creating the Python environment in $pyenv (starrocks, SQLAlchemy, Alembic, PyMySQL)" >&2
  rm -rf "$pyenv"
  mkdir -p "$root/.build"
  python3 -m venv "$pyenv"
  "$pyenv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" >/dev/null
  "$pyenv/bin/python" -c 'import starrocks, sqlalchemy, alembic, pymysql' \
    || { echo "setup: the Python peer environment in $pyenv does not import; see the pip output above" >&2; exit 1; }
  cp "$requirements" "$pyenv/requirements.installed"
fi
command -v swift >/dev/null || { echo "setup: a Swift 6 toolchain is required (https://swift.org/install)" >&2; exit 1; }
