"""Opening a chronique SQLite store in datasette: a view of events with their text, date, place and
coordinates as columns, a full-text index attached to ``articles`` the way datasette looks for
one, and a ``metadata.json`` describing the tables and their columns.

Why not sqlite-utils' ``enable_fts``: it always names its index ``articles_fts``, the name of
chronique's own date-keyed FTS5 index (store/fts.py, whose rowids are not article pks and so
cannot serve datasette). The standard index here is ``articles_search``: an external-content FTS5
table (``content="articles"``, rowid = ``articles.pk``) kept current by triggers, which is what
datasette's FTS detection and its search box use. It repeats the index, not the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from chronique.export.flat import EVENT_COLUMNS

VIEW = "event_table"
SEARCH = "articles_search"

# The view's columns: the flat event table's names where the store has the value.
_VIEW_COLUMNS = (
    ("event_id", "e.id"), ("article_id", "e.article_id"), ("article_url", "a.url"), ("article_title", "a.title"),
    ("date_value", "e.date"), ("date_precision", "json_extract(e.record, '$.date_precision')"),
    ("event", "e.event"), ("mode", "e.mode"), ("cameo", "e.cameo"),
    ("actor_code", "e.actor_code"), ("actor_sector", "e.actor_sector"),
    ("actor_text", "json_extract(e.record, '$.actor.entity_text')"),
    ("recipient_code", "e.recipient_code"), ("recipient_sector", "e.recipient_sector"),
    ("recipient_text", "json_extract(e.record, '$.recipient.entity_text')"),
    ("place_text", "json_extract(e.record, '$.event_loc.extracted_place')"), ("place_name", "e.place"),
    ("country_code", "e.country"), ("latitude", "json_extract(e.record, '$.event_loc.lat')"),
    ("longitude", "json_extract(e.record, '$.event_loc.lon')"), ("modality", "e.modality"),
    ("confidence", "e.confidence"), ("event_text", "json_extract(e.record, '$.event_text')"),
)
_SEARCH_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH} USING fts5(title, text, content=\"articles\", "
    "content_rowid=\"pk\", tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {SEARCH}_ai AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {SEARCH}(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {SEARCH}_ad AFTER DELETE ON articles BEGIN "
    f"INSERT INTO {SEARCH}({SEARCH}, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {SEARCH}_au AFTER UPDATE ON articles BEGIN "
    f"INSERT INTO {SEARCH}({SEARCH}, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); "
    f"INSERT INTO {SEARCH}(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
)
HIDDEN = ("articles_fts", SEARCH, "article_signatures", "alembic_version")


def prepare(connection: Connection) -> None:
    """Add the events view and the standard full-text index (idempotent; SQLite only)."""
    select = ", ".join(f"{expr} AS {name}" for name, expr in _VIEW_COLUMNS)
    connection.exec_driver_sql(f"DROP VIEW IF EXISTS {VIEW}")
    connection.exec_driver_sql(f"CREATE VIEW {VIEW} AS SELECT {select} FROM events e "
                               "JOIN articles a ON a.id = e.article_id")
    existed = connection.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": SEARCH}).first()
    for statement in _SEARCH_DDL:
        connection.exec_driver_sql(statement)
    if existed is None:  # index the articles already stored; the triggers keep it current from now on
        connection.exec_driver_sql(f"INSERT INTO {SEARCH}({SEARCH}) VALUES ('rebuild')")


def _view_docs() -> dict[str, str]:
    docs = {c.name: c.doc for c in EVENT_COLUMNS}
    docs.update(latitude=docs["lat"], longitude=docs["lon"])
    return {name: docs[name] for name, _ in _VIEW_COLUMNS}


def metadata(database: Path) -> dict[str, Any]:
    """datasette's metadata.json for one chronique store: tables, columns, search, hidden tables."""
    tables: dict[str, Any] = {
        VIEW: {"description": "One row per stored event: who did what to whom, when and where "
                              "(PLOVER type, CAMEO code, place and coordinates, the sentence).",
               "columns": _view_docs(), "sort_desc": "date_value"},
        "articles": {"description": "The stored articles (id = content hash); search their title and text.",
                     "fts_table": SEARCH, "fts_pk": "pk",
                     "columns": {"id": "Content hash of the text.", "title": "Title.", "url": "Source URL.",
                                 "source": "File or feed it was read from.", "language": "fr or en.",
                                 "published": "Publication date YYYY-MM-DD.", "text": "The article text.",
                                 "mentions": "Actors, places, dates and weapons found (JSON)."}},
        "events": {"description": "Events as stored: filter columns plus the whole PLOVER record (JSON)."},
        "event_sources": {"description": "Every article reporting each event (merged reports included)."},
        "transfers": {"description": "Arms transfers: supplier, recipient, weapon, status, quantity, date."},
        "failures": {"description": "Inputs that ingest rejected, with the reason."},
        "article_links": {"description": "Near-duplicate articles (wire copies), with their Jaccard score."},
    }
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {"title": "chronique", "description": "Political event data read from news reports (PLOVER/CAMEO).",
            "databases": {database.stem: {"tables": tables}}}
