"""WebSub distribution retries kept in the database

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

import publisher.store.tables

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("websub_subscriptions") as batch:
        batch.add_column(sa.Column("retry_at", publisher.store.tables.UTCDateTime(timezone=True),
                                   nullable=True))
        batch.add_column(sa.Column("retry_attempt", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("websub_subscriptions") as batch:
        batch.drop_column("retry_attempt")
        batch.drop_column("retry_at")
