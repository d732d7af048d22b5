"""add events.utm_campaign

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa
from starrocks import *  # noqa: F401,F403

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("events", sa.Column("utm_campaign", VARCHAR(length=100), nullable=True))


def downgrade():
    op.drop_column("events", "utm_campaign")
