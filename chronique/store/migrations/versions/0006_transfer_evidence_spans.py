"""Transfers keep every sentence that reports them and who reports them (issue 19).

``evidence_spans`` holds the Transfer's ``evidence_spans`` as JSON (offsets and words of each
sentence); ``reported_by`` the reporting source the text names ("according to X", "X said").
Both are nullable: rows stored before this revision keep only their one evidence span.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("transfers", sa.Column("evidence_spans", sa.Text, nullable=True))
    op.add_column("transfers", sa.Column("reported_by", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transfers") as batch:  # SQLite before 3.35 cannot drop a column
        batch.drop_column("reported_by")
        batch.drop_column("evidence_spans")
