"""create events

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from starrocks import *  # noqa: F401,F403

from app.settings import REPLICATION_NUM

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "events",
        sa.Column("event_id", BIGINT(), nullable=False, comment="unique event id"),
        sa.Column("event_date", DATE(), nullable=False),
        sa.Column("user_id", BIGINT(), nullable=False),
        sa.Column("event_type", VARCHAR(length=64), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "event_date"),
        comment="raw product events",
        starrocks_primary_key="event_id, event_date",
        starrocks_partition_by='RANGE(event_date) (START ("2026-01-01") END ("2028-01-01") EVERY (INTERVAL 1 MONTH))',
        starrocks_distributed_by="HASH(event_id)",
        starrocks_properties={"replication_num": REPLICATION_NUM},
    )


def downgrade():
    op.drop_table("events")
