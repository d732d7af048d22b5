"""daily_events view and events_by_source materialized view

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa
from starrocks import *  # noqa: F401,F403

from app.settings import REPLICATION_NUM

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_view(
        "daily_events",
        "SELECT event_date, count(*) AS events FROM events GROUP BY event_date",
        comment="events per day",
    )
    op.create_materialized_view(
        "events_by_source",
        "SELECT utm_source, count(*) AS events FROM events GROUP BY utm_source",
        starrocks_distributed_by="HASH(utm_source)",
        starrocks_refresh="ASYNC",
        starrocks_properties={"replication_num": REPLICATION_NUM},
    )


def downgrade():
    op.drop_materialized_view("events_by_source")
    op.drop_view("daily_events")
