"""Alembic environment of the example: the starrocks dialect, the models' metadata, offline and online modes."""
from alembic import context
from sqlalchemy import engine_from_config, pool

import starrocks.alembic  # noqa: F401  (registers the dialect's operations: create_view, create_materialized_view, ...)
from starrocks.alembic import include_object_for_view_mv, render_column_type

from app.models import Base
from app.settings import REPLICATION_NUM

config = context.config
target_metadata = Base.metadata
options = dict(
    target_metadata=target_metadata,
    version_table_kwargs={"starrocks_properties": {"replication_num": REPLICATION_NUM}},
    include_object=include_object_for_view_mv,
    render_item=render_column_type,
)

if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True, **options)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
