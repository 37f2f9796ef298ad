"""SQLAlchemy Core tables shared by SQLite and PostgreSQL, derived from the schema module.

The columns of ``articles`` and ``transfers`` are generated from the dataclass fields of
``schema.Article`` and ``schema.Transfer``, so the store follows the contract. An event keeps its
whole PLOVER record as JSON (``record``) beside the columns that queries filter on. Full-text
search lives beside these tables (fts.py) because SQLite and PostgreSQL do it differently.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from chronique.schema import Article, Transfer

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

ID = String(64)  # sha256 hex of an article, or a shorter stable hash of an event

# Field annotations are strings (postponed evaluation); their base type decides the column type.
_TYPES: dict[str, TypeEngine[Any]] = {"str": Text(), "int": Integer(), "float": Float(), "bool": Boolean()}
# Short, indexed text columns get a bounded String rather than Text.
_SHORT = {"id": ID, "language": String(8), "published": String(10), "supplier": String(32),
          "recipient": String(32), "category": String(64), "status": String(16), "date": String(10),
          "event_id": ID, "weapon": String(128)}


def _column_for(name: str, annotation: str, required: bool) -> Column[Any]:
    base = annotation.replace(" ", "").split("|")[0]
    nullable = "None" in annotation or not required
    sql_type = _SHORT.get(name) or _TYPES.get(base)
    if sql_type is None:
        raise TypeError(f"no column type for field {name}: {annotation}")
    return Column(name, sql_type, nullable=nullable)


def schema_columns(record: type, *, skip: frozenset[str] = frozenset()) -> list[Column[Any]]:
    """One column per flat field of a schema dataclass (nested records are handled by the caller)."""
    out = []
    for f in fields(record):
        if f.name in skip:
            continue
        required = f.default is MISSING and f.default_factory is MISSING
        out.append(_column_for(f.name, str(f.type), required))
    return out


articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # rowid of the SQLite FTS index
    *schema_columns(Article, skip=frozenset({"origin"})),
    # The Extraction's mention lists (actors, places, times, weapons) as JSON: the article's other
    # views; the article's dateline origin rides along in it (no column of its own).
    Column("mentions", Text, nullable=False),
    Index(None, "id", unique=True),
    Index(None, "published"),
)

events = Table(
    "events", metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id"), nullable=False),  # the first source
    Column("date", String(10)),
    Column("event", String(16), nullable=False),
    Column("mode", String(32), nullable=False),
    Column("cameo", String(8)),
    Column("actor_code", String(32)),
    Column("actor_sector", String(16)),
    Column("recipient_code", String(32)),
    Column("recipient_sector", String(16)),
    Column("country", String(8)),
    Column("place", Text),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", Text, nullable=False),  # the PLOVER event record (JSON), sources excluded
    # Each filter's index ends with (date, id): the order of results, and covering for a full-text
    # walk that reads only ids and dates (migration 0004 appended the id).
    Index(None, "actor_code", "event", "date", "id"),
    Index(None, "actor_code", "date", "id"),
    Index(None, "actor_code", "date", "event"),  # covering for an actor's timeline (migration 0007)
    Index(None, "recipient_code", "date", "id"),
    # covering for the actor page: counterparts and types as recipient (migration 0010)
    Index(None, "actor_code", "recipient_code"),
    Index(None, "recipient_code", "actor_code"),
    Index(None, "recipient_code", "event"),
    Index(None, "event", "date", "id"),
    Index(None, "date", "id"),
    Index(None, "cameo"),
    Index(None, "country", "date", "id"),
    Index(None, "article_id"),
)

# Rollups of the events that the whole-store aggregates (the UI's first page) read instead of
# scanning every event: migration 0007 fills them and adds triggers on events that keep them in
# the inserting transaction (nothing deletes or rewrites an event).
event_day_counts = Table(
    "event_day_counts", metadata,
    Column("date", String(10), primary_key=True),  # as stored: a day, or a partial date ("2022-06")
    Column("event", String(16), primary_key=True),
    Column("n", Integer, nullable=False),
)
event_place_counts = Table(
    "event_place_counts", metadata,
    Column("place", Text, primary_key=True),
    Column("country", String(8), primary_key=True),  # '' for an event without a country
    Column("n", Integer, nullable=False),
    Column("sample_id", ID, nullable=False),  # the smallest event id there: where the coordinates come from
)


def _role_months(name: str) -> Table:
    """Events per (code, month, type) of one role: an actor's or a recipient's monthly timeline
    reads whole months here (migration 0008; its triggers keep it under every insert, delete and
    update of events)."""
    return Table(
        name, metadata,
        Column("code", String(32), primary_key=True),
        Column("month", String(10), primary_key=True),  # substr(date, 1, 7): "2022-06", or a shorter date as stored
        Column("event", String(16), primary_key=True),
        Column("n", Integer, nullable=False),
    )


event_actor_month_counts = _role_months("event_actor_month_counts")
event_recipient_month_counts = _role_months("event_recipient_month_counts")

# An event reported by several articles keeps one row here per article (dedup merges into it).
event_sources = Table(
    "event_sources", metadata,
    Column("event_id", ID, ForeignKey("events.id"), primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id"), primary_key=True),
    # The same article's integer pk (migration 0005; the writer always fills it): a full-text walk
    # reads (event, article pk) pairs in one covering probe of the index below.
    Column("article_pk", Integer),
    Index(None, "article_id"),
    Index(None, "event_id", "article_pk"),
)

transfers = Table(
    "transfers", metadata,
    Column("article_id", ID, ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),  # order within the article
    *schema_columns(Transfer, skip=frozenset({"evidence", "evidence_spans"})),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    # every sentence that reports the transfer, as JSON [{start, end, text}, …] (migration 0006)
    Column("evidence_spans", Text),
    Index(None, "supplier", "date"),
    Index(None, "recipient", "date"),
)

# Every rejected input. ``key`` hashes source, record, code and message so that running the same
# input again records a failure once, not once per run.
failures = Table(
    "failures", metadata,
    Column("key", ID, primary_key=True),
    Column("source", Text, nullable=False),
    Column("record", Text),
    Column("code", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("at", String(32), nullable=False),
    Index(None, "code"),
)

# Each article's MinHash-LSH buckets (dedup.NearDuplicateIndex.band_keys), one row per band, so that
# a new article's candidate copies come from an indexed lookup across runs, not from a scan.
article_signatures = Table(
    "article_signatures", metadata,
    Column("article_id", ID, ForeignKey("articles.id"), primary_key=True),
    Column("band", Integer, primary_key=True, autoincrement=False),
    Column("bucket", String(16), nullable=False),  # 64-bit hash (hex) of the band's rows of the signature
    Index(None, "band", "bucket"),
)

# Near-duplicate articles (wire copies, syndication): ``article_id`` is the larger id of the pair and
# ``duplicate_of`` the smaller, so a pair is stored once whichever article came first.
article_links = Table(
    "article_links", metadata,
    Column("article_id", ID, ForeignKey("articles.id"), primary_key=True),
    Column("duplicate_of", ID, ForeignKey("articles.id"), primary_key=True),
    Column("score", Float, nullable=False),  # exact Jaccard of the word 5-grams
    Index(None, "duplicate_of"),
)

TABLES = (articles, events, event_sources, transfers, failures, article_signatures, article_links)
