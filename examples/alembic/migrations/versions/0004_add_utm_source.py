"""add events.utm_source

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa
from starrocks import *  # noqa: F401,F403

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("utm_source", VARCHAR(length=100), nullable=True, comment="marketing source"))


def downgrade():
    op.drop_column("events", "utm_source")
