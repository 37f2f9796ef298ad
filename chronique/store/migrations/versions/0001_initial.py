"""The first store: articles, events, event sources, transfers, failures, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from chronique.store import fts

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("published", sa.String(10)),
        sa.Column("published_inferred", sa.Boolean),
        sa.Column("mentions", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_articles"),
    )
    op.create_index("ix_articles_id", "articles", ["id"], unique=True)
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "events",
        sa.Column("id", ID, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32), nullable=False),
        sa.Column("cameo", sa.String(8)),
        sa.Column("actor_code", sa.String(32)),
        sa.Column("actor_sector", sa.String(16)),
        sa.Column("recipient_code", sa.String(32)),
        sa.Column("recipient_sector", sa.String(16)),
        sa.Column("country", sa.String(8)),
        sa.Column("place", sa.Text),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_events_article_id_articles"),
    )
    for columns in (["actor_code", "event", "date"], ["recipient_code", "date"], ["event", "date"], ["date"],
                    ["cameo"], ["country", "date"], ["article_id"]):
        op.create_index("ix_events_" + "_".join(columns), "events", columns)

    op.create_table(
        "event_sources",
        sa.Column("event_id", ID, nullable=False),
        sa.Column("article_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("event_id", "article_id", name="pk_event_sources"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_sources_event_id_events"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_event_sources_article_id_articles"),
    )
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])

    op.create_table(
        "transfers",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("supplier", sa.String(32)),
        sa.Column("recipient", sa.String(32)),
        sa.Column("weapon", sa.String(128)),
        sa.Column("category", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("event_id", ID),
        sa.Column("quantity", sa.Integer),
        sa.Column("weapon_text", sa.Text),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.PrimaryKeyConstraint("article_id", "seq", name="pk_transfers"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_transfers_article_id_articles"),
    )
    op.create_index("ix_transfers_supplier_date", "transfers", ["supplier", "date"])
    op.create_index("ix_transfers_recipient_date", "transfers", ["recipient", "date"])

    op.create_table(
        "failures",
        sa.Column("key", ID, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("record", sa.Text),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_failures"),
    )
    op.create_index("ix_failures_code", "failures", ["code"])

    fts.create(op.get_bind())


def downgrade() -> None:
    fts.drop(op.get_bind())
    for table in ("failures", "transfers", "event_sources", "events", "articles"):
        op.drop_table(table)
