#!/usr/bin/env bash
# The one entry point the CI definitions call. Builds starrocks-drift if needed, optionally renders an Alembic history
# to offline SQL, then runs `starrocks-drift check` and passes its exit code through:
#   0 no drift · 1 drift (fails the job) · 2 could not check (fails the job)
#
# Settings (environment variables, all optional):
#   DRIFT_ENVIRONMENTS   environments directory            (default: environments)
#   DRIFT_MIGRATIONS     migrations directory or .sql file  (default: migrations)
#   DRIFT_ENV            space-separated environment names  (default: all)
#   DRIFT_OUT            report directory                   (default: drift-report)
#   DRIFT_FAIL_ON        error | warning                    (default: each environment's fail_on)
#   DRIFT_NO_NOTIFY      1 to skip the webhook (e.g. on pull requests)
#   DRIFT_PREVIOUS       the previous run's drift-report.json or its directory (--previous): findings are marked
#                        new / open (since when) / resolved and notify.when: changed posts only on a change. A missing
#                        file is a warning in the report (expected on the first night), never a failure.
#   DRIFT_ALEMBIC_DIR    a directory with alembic.ini: render `alembic upgrade head --sql` and check that
#   DRIFT_MODELS         MODULE:ATTR of SQLAlchemy models (--models): also compare them with the head, offline; a
#                        model change without a revision is a model_not_migrated finding. Without DRIFT_ENV only the
#                        models are checked (the merge gate). The module is imported from the working directory (or
#                        PYTHONPATH) by DRIFT_PYTHON (default python3), which needs SQLAlchemy 2 and starrocks.
#   STARROCKS_DRIFT      path to a starrocks-drift binary   (default: build it with SwiftPM)
# Passwords and the webhook URL come from the variables your environment files name (password_env, webhook_url_env).
set -euo pipefail

environments="${DRIFT_ENVIRONMENTS:-environments}"
migrations="${DRIFT_MIGRATIONS:-migrations}"
out="${DRIFT_OUT:-drift-report}"

if [ -n "${DRIFT_ALEMBIC_DIR:-}" ]; then
  mkdir -p "$out"
  migrations="$(cd "$out" && pwd)/alembic-offline.sql"
  echo "drift-check: rendering the Alembic history to $migrations" >&2
  (cd "$DRIFT_ALEMBIC_DIR" && alembic upgrade head --sql) > "$migrations"
fi

bin="${STARROCKS_DRIFT:-}"
if [ -z "$bin" ]; then
  swift build -c release --product starrocks-drift >&2
  bin="$(swift build -c release --show-bin-path)/starrocks-drift"
fi

args=(check --environments "$environments" --migrations "$migrations" --out "$out")
for name in ${DRIFT_ENV:-}; do args+=(--env "$name"); done
[ -n "${DRIFT_FAIL_ON:-}" ] && args+=(--fail-on "$DRIFT_FAIL_ON")
[ "${DRIFT_NO_NOTIFY:-0}" = "1" ] && args+=(--no-notify)
[ -n "${DRIFT_PREVIOUS:-}" ] && args+=(--previous "$DRIFT_PREVIOUS")
[ -n "${DRIFT_MODELS:-}" ] && args+=(--models "$DRIFT_MODELS" --python "${DRIFT_PYTHON:-python3}")

set +e
"$bin" "${args[@]}"
code=$?
set -e
case "$code" in
  0) echo "drift-check: no drift" >&2 ;;
  1) echo "drift-check: drift found — see $out/drift-report.md" >&2 ;;
  *) echo "drift-check: could not check every environment — see $out/drift-report.md and the errors above" >&2 ;;
esac
exit "$code"
