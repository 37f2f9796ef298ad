"""Each event source keeps its article's integer pk beside the article id.

A full-text query with a selective filter (search.py) reads the filter's events and the pks of the
articles reporting them, to keep those that a matching article reports. Through ``article_id`` that
was two index probes on 64-character keys per event (event_sources, then articles); with
``article_pk`` and the (event_id, article_pk) index it is one covering probe. The column is filled
from ``articles`` for the rows already stored (a few seconds for 1,000,000 sources), and by the
store's writer from then on.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEX = "ix_event_sources_event_id_article_pk"


def upgrade() -> None:
    op.add_column("event_sources", sa.Column("article_pk", sa.Integer, nullable=True))
    op.execute("UPDATE event_sources SET article_pk = "
               "(SELECT pk FROM articles WHERE articles.id = event_sources.article_id)")
    op.create_index(INDEX, "event_sources", ["event_id", "article_pk"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="event_sources")
    with op.batch_alter_table("event_sources") as batch:  # SQLite before 3.35 cannot drop a column
        batch.drop_column("article_pk")
