"""follow-up: a decision's conditions and next steps as tracked items, its approvers and review
date, and the link from a revisiting workshop to the one it revisits

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_follow_up_workshop_id", "follow_up", ["workshop_id"])
    op.add_column(
        "decision", sa.Column("approvers", sa.JSON(), nullable=False, server_default="[]")
    )
    op.add_column("decision", sa.Column("review_on", sa.Date(), nullable=True))
    op.add_column("workshop", sa.Column("supersedes_id", sa.Integer(), nullable=True))
    op.create_index("ix_workshop_supersedes_id", "workshop", ["supersedes_id"])


def downgrade() -> None:
    with op.batch_alter_table("workshop") as batch:
        batch.drop_index("ix_workshop_supersedes_id")
        batch.drop_column("supersedes_id")
    with op.batch_alter_table("decision") as batch:
        batch.drop_column("review_on")
        batch.drop_column("approvers")
    op.drop_index("ix_follow_up_workshop_id", table_name="follow_up")
    op.drop_table("follow_up")
