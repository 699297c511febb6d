"""resume codes: a participant can come back on another device

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The hash of the participant's resume code (bound to the workshop); null for people who
    # joined before resume codes existed, until they ask for one.
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resume_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_participant_resume_hash"), ["resume_hash"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_resume_hash"))
        batch_op.drop_column("resume_hash")
