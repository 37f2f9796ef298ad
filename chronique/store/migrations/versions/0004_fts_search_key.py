"""Full-text queries for the newest events read only what they return (search.py).

1. SQLite: each article's FTS5 rowid becomes ``search_key << 32 | pk``, the search key being the
   day of the newest event it reports, so FTS5 returns matching articles newest first. The index
   is rebuilt from ``articles``, keyed by what ``event_sources`` and ``events`` hold (about 4 min
   for 333,000 articles). PostgreSQL's tsvector table is unchanged.
2. Both backends: the events indexes that end with ``date`` get ``id`` appended, so a walk that
   reads ids and dates in a filter's order never touches the table rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

from chronique.store import fts

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Each article's greatest event date, as the store computes it when it writes (store.py).
_NEWEST = ("SELECT s.article_id AS article_id, max(e.date) AS newest FROM event_sources s "
           "JOIN events e ON e.id = s.event_id GROUP BY s.article_id")


def _rebuild(keyed: bool) -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.create_function("chronique_search_key", 1, fts.search_key, deterministic=True)
    key = f"(chronique_search_key(n.newest) << {fts.KEY_SHIFT}) + " if keyed else ""
    fts.drop(connection)
    fts.create(connection)
    connection.exec_driver_sql(
        f"INSERT INTO articles_fts (rowid, title, text) SELECT {key}a.pk, coalesce(a.title, ''), a.text "
        f"FROM articles a LEFT JOIN ({_NEWEST}) n ON n.article_id = a.id")


# The events indexes ending with date (columns before ``date``).
_DATED = (("actor_code", "event"), ("actor_code",), ("recipient_code",), ("event",), (), ("country",))


def _name(columns: tuple[str, ...]) -> str:
    return "ix_events_" + "_".join(columns)


def _reindex(*, add_id: bool) -> None:
    for prefix in _DATED:
        short, long = (*prefix, "date"), (*prefix, "date", "id")
        drop, create = (short, long) if add_id else (long, short)
        op.drop_index(_name(drop), table_name="events")
        op.create_index(_name(create), "events", list(create))


def upgrade() -> None:
    _rebuild(keyed=True)
    _reindex(add_id=True)


def downgrade() -> None:
    _reindex(add_id=False)
    _rebuild(keyed=False)
