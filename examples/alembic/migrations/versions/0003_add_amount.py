"""add events.amount

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa
from starrocks import *  # noqa: F401,F403

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("amount", DECIMAL(precision=18, scale=2), nullable=True))


def downgrade():
    op.drop_column("events", "amount")
