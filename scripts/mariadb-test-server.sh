#!/usr/bin/env bash
# Starts (or stops) a throwaway MariaDB server on loopback for the StarRocksClient tests.
#
#   scripts/mariadb-test-server.sh [start]   start if not already answering; prints "mariadb ready on 127.0.0.1:PORT"
#   scripts/mariadb-test-server.sh stop      stop it (the data directory is kept for a quick restart)
#   scripts/mariadb-test-server.sh pid       print the server's process id (tests kill it to simulate a crash)
#   scripts/mariadb-test-server.sh status    exit 0 when it answers, 1 otherwise
#
# Environment: DRIFT_MARIADB_PORT (default 33306), DRIFT_MARIADB_DIR (default /tmp/starrocks-drift-mariadb-PORT).
# Creates user drift_test (password drift-test-pw, a throwaway test credential) and database drift_test.
# Works on a fresh Debian 12 with mariadb-server installed but not running, with or without systemd, as root or not.
# Idempotent: running "start" twice leaves one server.
set -euo pipefail

PORT="${DRIFT_MARIADB_PORT:-33306}"
DIR="${DRIFT_MARIADB_DIR:-/tmp/starrocks-drift-mariadb-$PORT}"
DATA="$DIR/data"
SOCKET="$DIR/mariadb.sock"
PIDFILE="$DIR/mariadb.pid"
LOG="$DIR/error.log"
TEST_USER="drift_test"
TEST_PASSWORD="drift-test-pw"
TEST_DB="drift_test"

say() { echo "mariadb-test-server: $*" >&2; }

find_tool() {
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    for dir in /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do
      if [ -x "$dir/$name" ]; then echo "$dir/$name"; return 0; fi
    done
  done
  return 1
}

SERVER="$(find_tool mariadbd mysqld)" || { say "mariadbd not found; install it with: apt-get install mariadb-server"; exit 2; }
INSTALL_DB="$(find_tool mariadb-install-db mysql_install_db)" || { say "mariadb-install-db not found; apt-get install mariadb-server"; exit 2; }
CLIENT="$(find_tool mariadb mysql)" || { say "the mariadb client is not found; apt-get install mariadb-client"; exit 2; }
ADMIN="$(find_tool mariadb-admin mysqladmin)" || { say "mariadb-admin is not found; apt-get install mariadb-client"; exit 2; }

answering() {
  "$ADMIN" --no-defaults --protocol=tcp -h 127.0.0.1 -P "$PORT" -u "$TEST_USER" -p"$TEST_PASSWORD" \
    --connect-timeout=2 ping >/dev/null 2>&1
}

server_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# The server runs as the invoking user; its administrative account is that user, logging in over the socket.
ADMIN_USER="$(id -un)"
run_as_user=()
if [ "$(id -u)" -eq 0 ]; then run_as_user=(--user=root); fi

start() {
  if answering; then echo "mariadb ready on 127.0.0.1:$PORT"; return 0; fi
  mkdir -p "$DIR"
  if [ ! -d "$DATA/mysql" ]; then
    say "initializing a data directory in $DATA"
    rm -rf "$DATA"
    "$INSTALL_DB" --no-defaults --datadir="$DATA" "${run_as_user[@]}" --auth-root-authentication-method=socket \
      --auth-root-socket-user="$ADMIN_USER" \
      --skip-test-db --skip-name-resolve >"$DIR/install.log" 2>&1 \
      || { say "mariadb-install-db failed; see $DIR/install.log"; tail -20 "$DIR/install.log" >&2; exit 2; }
  fi
  if ! server_pid >/dev/null; then
    say "starting mariadbd on 127.0.0.1:$PORT"
    # setsid + nohup: the server outlives the shell (and the test process) that started it. `9>&-`: the server
    # must not inherit the lock descriptor, or it would hold the lock for its whole life and block every later call.
    setsid nohup "$SERVER" --no-defaults --datadir="$DATA" "${run_as_user[@]}" \
      --bind-address=127.0.0.1 --port="$PORT" --socket="$SOCKET" --pid-file="$PIDFILE" \
      --log-error="$LOG" --skip-name-resolve --innodb-buffer-pool-size=32M --max-connections=200 \
      --general-log=1 --general-log-file="$DIR/general.log" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      </dev/null >/dev/null 2>&1 9>&- &
  fi
  for _ in $(seq 1 300); do
    if "$ADMIN" --no-defaults --socket="$SOCKET" -u "$ADMIN_USER" ping >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  "$ADMIN" --no-defaults --socket="$SOCKET" -u "$ADMIN_USER" ping >/dev/null 2>&1 \
    || { say "mariadbd did not start; see $LOG"; tail -20 "$LOG" >&2 || true; exit 2; }
  "$CLIENT" --no-defaults --socket="$SOCKET" -u "$ADMIN_USER" <<SQL
CREATE USER IF NOT EXISTS '$TEST_USER'@'127.0.0.1' IDENTIFIED BY '$TEST_PASSWORD';
CREATE USER IF NOT EXISTS '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
CREATE DATABASE IF NOT EXISTS \`$TEST_DB\` CHARACTER SET utf8mb4;
GRANT ALL PRIVILEGES ON \`$TEST_DB\`.* TO '$TEST_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$TEST_DB\`.* TO '$TEST_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
  answering || { say "the server runs but $TEST_USER cannot log in over TCP; see $LOG"; exit 2; }
  echo "mariadb ready on 127.0.0.1:$PORT"
}

stop() {
  local pid
  if pid="$(server_pid)"; then
    say "stopping mariadbd (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$PIDFILE"
  echo "mariadb stopped on 127.0.0.1:$PORT"
}

# One start or stop at a time per server (tests in several processes may call this together).
lock() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$DIR.lock"
    flock 9
  fi
}

case "${1:-start}" in
  start) lock; start ;;
  stop) lock; stop ;;
  pid) server_pid || { say "not running"; exit 1; } ;;
  status) answering ;;
  *) say "usage: $0 [start|stop|pid|status]"; exit 2 ;;
esac
