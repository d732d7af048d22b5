#!/usr/bin/env python3
"""Reflects StarRocks schemas through SQLAlchemy 2 and the `starrocks` dialect, as Alembic's autogenerate does.

Used by the simulator's client tests and by `drift-bench peer`; run it with the virtual environment that
scripts/setup.sh creates (.build/pyenv/bin/python). For each schema it runs `MetaData.reflect(views=True)` (tables
and views) and then reflects the schema's materialized views, which `MetaData.reflect` does not list (Alembic's
StarRocks comparator reads them through `get_materialized_view_names`, as this script does).

Prints one JSON document on stdout:
  {"versions": {...}, "seconds": S,
   "schemas": {db: {object: {"kind": "TABLE|VIEW|MATERIALIZED_VIEW", "definition": "..." | null,
                             "columns": [[name, type], ...], "columns_source": "reflection" | ...}}},
   "errors": {db: "what the dialect raised while reflecting it"}}
where `type` is the reflected SQLAlchemy type compiled by the dialect (e.g. "INTEGER(11)", "VARCHAR(64)"). The
dialect (1.3.x) reflects no columns for MVs; for those the script reads information_schema.columns as the dialect
does for tables and types them with the dialect's parser (`columns_source` says which).
Exit status 0 on success; 1 with a message on stderr when reflection fails.
"""
import argparse
import json
import sys
import time


def materialized_view_columns(connection, dialect, schema, name):
    """An MV's columns from information_schema.columns, typed by the dialect's own type parser."""
    from sqlalchemy import text
    from starrocks.drivers.parsers import parse_data_type

    rows = connection.execute(
        text("SELECT COLUMN_NAME, COLUMN_TYPE, ORDINAL_POSITION FROM information_schema.columns "
             "WHERE TABLE_SCHEMA = :schema AND TABLE_NAME = :name"), {"schema": schema, "name": name}).fetchall()
    columns = []
    for column_name, column_type, _ in sorted(rows, key=lambda row: int(row[2])):
        parsed = parse_data_type(column_type)
        parsed = parsed() if isinstance(parsed, type) else parsed
        columns.append([column_name, parsed.compile(dialect=dialect)])
    return columns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="starrocks://user@127.0.0.1:PORT/")
    parser.add_argument("--schema", action="append", required=True, help="a database to reflect (repeatable)")
    parser.add_argument("--no-materialized-views", action="store_true",
                        help="reflect only what MetaData.reflect lists (tables and views)")
    args = parser.parse_args()

    import sqlalchemy
    import starrocks  # noqa: F401  (registers the dialect)
    from importlib.metadata import version
    from sqlalchemy import MetaData, Table, create_engine, inspect

    engine = create_engine(args.url, poolclass=sqlalchemy.pool.NullPool)
    result = {
        "versions": {"sqlalchemy": sqlalchemy.__version__, "starrocks": version("starrocks"),
                     "pymysql": version("PyMySQL")},
        "schemas": {},
        "errors": {},
    }
    start = time.perf_counter()
    with engine.connect() as connection:
        for schema in args.schema:
            metadata = MetaData()
            try:
                metadata.reflect(bind=connection, schema=schema, views=True)
                if not args.no_materialized_views:
                    inspector = inspect(connection)
                    for name in inspector.get_materialized_view_names(schema=schema):
                        if f"{schema}.{name}" not in metadata.tables:
                            Table(name, metadata, schema=schema, autoload_with=connection)
            except Exception as error:  # noqa: BLE001 - a schema the dialect cannot reflect is reported, not fatal
                result["errors"][schema] = f"{type(error).__name__}: {error}"
                connection.rollback()
                continue
            objects = {}
            for table in metadata.tables.values():
                kind = str(table.info.get("table_kind", "TABLE"))
                columns = [[column.name, column.type.compile(dialect=engine.dialect)] for column in table.columns]
                source = "reflection"
                if kind == "MATERIALIZED_VIEW" and not columns:
                    # starrocks 1.3.x reflects no MV columns; read them as it reads a table's.
                    columns = materialized_view_columns(connection, engine.dialect, schema, table.name)
                    source = "information_schema.columns"
                objects[table.name] = {"kind": kind, "definition": table.info.get("definition"),
                                       "columns": columns, "columns_source": source}
            result["schemas"][schema] = objects
    result["seconds"] = time.perf_counter() - start
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # noqa: BLE001 - report any failure as one line for the caller
        print(f"reflect_catalog.py: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
