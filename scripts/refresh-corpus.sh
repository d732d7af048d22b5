#!/usr/bin/env bash
# Refreshes the repository's copy of the StarRocks corpus and the Alembic samples from a shared folder (default:
# ../shared next to the repository) when that folder grows. The tests and benchmarks read only the copies:
#
#   Tests/Fixtures/StarRocksCorpus/   cases/NNN_*/ (input.sql, deps.sql, expected_show_create.sql, source.txt),
#                                     INDEX.tsv, errors.tsv, samples/, and PROVENANCE.tsv (made here from source.txt)
#   Tests/Fixtures/AlembicSamples/    real Alembic + starrocks-dialect output and revision files
#
# Usage: scripts/refresh-corpus.sh [SHARED_DIR]. Prints what changed (git status of the two folders). What the data
# is and how the tests use it: docs/corpus.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$root/../shared}"
corpus="$shared/starrocks-corpus"
alembic="$shared/alembic-samples"
[ -d "$corpus/cases" ] || { echo "refresh-corpus: no corpus at $corpus/cases (pass the shared folder as the argument)" >&2; exit 2; }
[ -d "$alembic" ] || { echo "refresh-corpus: no Alembic samples at $alembic" >&2; exit 2; }

target="$root/Tests/Fixtures/StarRocksCorpus"
rm -rf "$target"
mkdir -p "$target"
cp -R "$corpus/cases" "$corpus/samples" "$target/"
cp "$corpus/INDEX.tsv" "$corpus/errors.tsv" "$target/"
chmod -R u+w "$target"

# Provenance as a table: one row per case from its source.txt (repository, path in it, commit, SQL-tester case name).
field() { sed -n "s/^$1: //p" "$2" | head -1; }
{
  printf 'case_dir\trepository\tpath\tcommit\ttest_case\tera\n'
  for dir in "$target"/cases/*/; do
    name="$(basename "$dir")"
    src="$dir/source.txt"
    if [ -f "$src" ]; then
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(field repo "$src")" "$(field path "$src")" "$(field commit "$src")" \
        "$(field 'test case (-- name:)' "$src")" "$(field 'starrocks era (heuristic from output)' "$src")"
    else
      printf '%s\t\t\t\t\t\n' "$name"
    fi
  done
} > "$target/PROVENANCE.tsv"

samples="$root/Tests/Fixtures/AlembicSamples"
rm -rf "$samples"
mkdir -p "$samples"
cp -R "$alembic"/. "$samples/"
chmod -R u+w "$samples"

count="$(find "$target/cases" -mindepth 1 -maxdepth 1 -type d | wc -l)"
echo "refresh-corpus: $count cases, $(ls "$target/samples" | wc -l) samples, $(ls "$samples" | wc -l) Alembic sample entries"
git -C "$root" status --short -- Tests/Fixtures/StarRocksCorpus Tests/Fixtures/AlembicSamples | head -20
