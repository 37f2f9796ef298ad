"""Near-duplicate articles: each article's LSH buckets and the links between copies of one story.

Articles stored before this revision have no buckets: copies among them are not linked, and a new
article is compared only with articles stored from this revision on.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("band", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("bucket", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "band", name="pk_article_signatures"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_article_signatures_article_id_articles"),
    )
    op.create_index("ix_article_signatures_band_bucket", "article_signatures", ["band", "bucket"])
    op.create_table(
        "article_links",
        sa.Column("article_id", ID, nullable=False),
        sa.Column("duplicate_of", ID, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "duplicate_of", name="pk_article_links"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_article_links_article_id_articles"),
        sa.ForeignKeyConstraint(["duplicate_of"], ["articles.id"], name="fk_article_links_duplicate_of_articles"),
    )
    op.create_index("ix_article_links_duplicate_of", "article_links", ["duplicate_of"])


def downgrade() -> None:
    op.drop_table("article_links")
    op.drop_table("article_signatures")
