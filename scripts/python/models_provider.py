"""starrocks-drift models provider: the DDL the `starrocks` SQLAlchemy dialect compiles for a team's models.

Run by `starrocks-drift` (`diff --expected models:MODULE:ATTR`, `check --models MODULE:ATTR`) with the team's own
interpreter (`--python PATH`, default `python3`); the binary carries this file's text (see
Sources/DriftCheck/Models/ModelsProviderScript.swift, checked by a test to equal this file). It needs only SQLAlchemy 2
and the `starrocks` package, and never connects to a database.

Usage: python3 models_provider.py MODULE ATTR
  MODULE  an importable module (the working directory is on the import path), e.g. app.models
  ATTR    an attribute of it holding a sqlalchemy MetaData, a declarative base or a registry, e.g. Base

Prints one JSON document on stdout and exits 0:
  {"versions": {"python": ..., "sqlalchemy": ..., "starrocks": ...},
   "objects": [{"kind": "TABLE|VIEW|MATERIALIZED_VIEW", "schema": str|null, "name": str, "ddl": "CREATE ..."}]}
Tables come first (in the order the models define them), then views, then materialized views. On failure it prints
{"error": {"kind": "dialect|import|attribute|compile", "message": <the Python error's last line>,
"hint": <what to do>}} and exits 3.
"""
import json
import platform
import sys

MINIMUM_SQLALCHEMY = (2, 0)
MINIMUM_STARROCKS = (1, 3)
INSTALL = "pip install 'SQLAlchemy>=2' 'starrocks>=1.3' in the interpreter given with --python"


class ProviderError(Exception):
    """A failure with its kind and what the user should do."""

    def __init__(self, kind, message, hint):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint


def last_line(error):
    """The last line of a traceback: `ModuleNotFoundError: No module named 'app'`."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[-1] if text else ''}".rstrip(": ")


def version_tuple(text):
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def load_dialect():
    """SQLAlchemy and the starrocks dialect, or a `dialect` error naming what is missing or too old."""
    try:
        import sqlalchemy
    except ImportError as error:
        raise ProviderError("dialect", last_line(error), INSTALL)
    if version_tuple(sqlalchemy.__version__) < MINIMUM_SQLALCHEMY:
        raise ProviderError("dialect", f"SQLAlchemy {sqlalchemy.__version__} is too old (2.0 or later is needed)",
                            INSTALL)
    try:
        from importlib.metadata import version
        starrocks_version = version("starrocks")
    except Exception as error:  # noqa: BLE001 - not installed (PackageNotFoundError) or unreadable metadata
        raise ProviderError("dialect", last_line(error), INSTALL)
    # The version first: an older release fails the imports below with a less helpful error.
    if version_tuple(starrocks_version) < MINIMUM_STARROCKS:
        raise ProviderError("dialect", f"starrocks {starrocks_version} is too old (1.3 or later is needed)", INSTALL)
    try:
        from starrocks.dialect import StarRocksDialect
        from starrocks.schema import CreateMaterializedView, CreateView
    except Exception as error:  # noqa: BLE001 - any failure here means the dialect is unusable
        raise ProviderError("dialect", last_line(error), INSTALL)
    versions = {"python": platform.python_version(), "sqlalchemy": sqlalchemy.__version__,
                "starrocks": starrocks_version}
    # A named paramstyle: with the driver's default (pyformat) the compiler doubles every `%` for the DBAPI, and the
    # printed DDL would not be the text the server receives.
    return versions, StarRocksDialect(paramstyle="named"), CreateView, CreateMaterializedView


def load_metadata(module_name, attribute):
    """The MetaData behind MODULE:ATTR (a MetaData, a declarative base or a registry)."""
    import importlib
    from sqlalchemy import MetaData

    if "" not in sys.path:
        sys.path.insert(0, "")
    try:
        module = importlib.import_module(module_name)
    except Exception as error:  # noqa: BLE001 - the user's module may raise anything while importing
        raise ProviderError("import", last_line(error),
                            f"make {module_name} importable from the working directory (or set PYTHONPATH), "
                            f"with its own dependencies installed in the interpreter given with --python")
    value = module
    for part in attribute.split("."):
        if not hasattr(value, part):
            raise ProviderError("attribute", f"AttributeError: module {module_name} has no attribute {attribute}",
                                f"name the MetaData or declarative base of {module_name}, e.g. {module_name}:Base")
        value = getattr(value, part)
    if isinstance(value, MetaData):
        return value
    metadata = getattr(value, "metadata", None)
    if isinstance(metadata, MetaData):
        return metadata
    raise ProviderError("attribute",
                        f"TypeError: {module_name}:{attribute} is a {type(value).__name__}, not a MetaData "
                        f"or a declarative base",
                        f"name the MetaData or declarative base of {module_name}, e.g. {module_name}:Base")


def compile_objects(metadata, dialect, create_view, create_materialized_view):
    """Each table, view and MV compiled by the dialect, tables first."""
    from sqlalchemy.schema import CreateTable

    kinds = {"TABLE": CreateTable, "VIEW": create_view, "MATERIALIZED_VIEW": create_materialized_view}
    order = {"TABLE": 0, "VIEW": 1, "MATERIALIZED_VIEW": 2}
    objects = []
    for table in metadata.tables.values():
        kind = str(table.info.get("table_kind", "TABLE"))
        if kind not in kinds:
            raise ProviderError("compile", f"{table.fullname}: unknown object kind {kind}",
                                "use sqlalchemy Table, starrocks.schema.View or starrocks.schema.MaterializedView")
        try:
            ddl = str(kinds[kind](table).compile(dialect=dialect)).strip()
        except Exception as error:  # noqa: BLE001 - the dialect raises many kinds of errors
            raise ProviderError("compile", f"{table.fullname}: {last_line(error)}",
                                "fix the model so that the starrocks dialect can compile it")
        objects.append({"kind": kind, "schema": table.schema, "name": table.name, "ddl": ddl})
    objects.sort(key=lambda item: order[item["kind"]])
    return objects


def main(argv):
    if len(argv) != 3:
        raise ProviderError("usage", "expected two arguments: MODULE ATTR", "run it as models_provider.py MODULE ATTR")
    versions, dialect, create_view, create_materialized_view = load_dialect()
    metadata = load_metadata(argv[1], argv[2])
    objects = compile_objects(metadata, dialect, create_view, create_materialized_view)
    json.dump({"versions": versions, "objects": objects}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except ProviderError as failure:
        json.dump({"error": {"kind": failure.kind, "message": failure.message, "hint": failure.hint}}, sys.stdout)
        sys.stdout.write("\n")
        sys.exit(3)
