"""add events.payload

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from starrocks import *  # noqa: F401,F403

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("payload", JSON(), nullable=True))


def downgrade():
    op.drop_column("events", "payload")
