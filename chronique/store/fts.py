"""Full-text search on article text, one way per backend, the same query language for both.

SQLite: an FTS5 index ``articles_fts`` tokenised by unicode61 with remove_diacritics, so
"Bielorussie" finds "Biélorussie". Its rowid is ``search_key << 32 | articles.pk``: the search key
is the day of the newest event the article reports (``search_key``), so FTS5 hands matching
articles out newest first and a query for the newest events stops early (search.py).
PostgreSQL: a table ``articles_fts`` of tsvectors built with the article's language configuration
over unaccent()ed text, GIN-indexed.

A query is words and "quoted phrases", all required, with OR between alternatives, as a search box
reads. It is rewritten for each backend so that user input never reaches a query parser raw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.sql.elements import TextClause

from chronique.errors import UsageError

KEY_SHIFT = 32  # rowid = search key << KEY_SHIFT | article pk
PK_MASK = (1 << KEY_SHIFT) - 1
LAST_DAY = date.max.toordinal()
PG_CONFIGS = {"fr": "french", "en": "english"}  # any other language: "simple"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
)
POSTGRES_DDL = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TABLE articles_fts (pk INTEGER PRIMARY KEY REFERENCES articles (pk), document TSVECTOR NOT NULL)",
    "CREATE INDEX ix_articles_fts_document ON articles_fts USING GIN (document)",
)


def create(connection: Connection) -> None:
    """The backend's full-text index (called by the first migration)."""
    ddl = POSTGRES_DDL if connection.dialect.name == "postgresql" else SQLITE_DDL
    for statement in ddl:
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    connection.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")


def search_key(newest: str | None) -> int:
    """The ordinal of the latest day whose ISO form (YYYY-MM-DD) sorts at or before ``newest``, the
    article's greatest event date as stored (partial or malformed dates included); 0 without one.

    Any event date ``d`` of the article then satisfies: d >= day(K) implies search_key >= K, which
    is what lets a newest-first walk stop early."""
    if not newest:
        return 0
    if len(newest) == 10:
        try:
            return date.fromisoformat(newest).toordinal()
        except ValueError:
            pass
    lo, hi = 0, LAST_DAY  # binary search: ISO strings of days sort as the days do
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if date.fromordinal(mid).isoformat() <= newest:
            lo = mid
        else:
            hi = mid - 1
    return lo


def day(key: int) -> str:
    """The ISO date of a search key (>= 1)."""
    return date.fromordinal(key).isoformat()


def fts_rowid(pk: int, key: int) -> int:
    if not 0 < pk <= PK_MASK:
        raise ValueError(f"expected an article pk in 1..{PK_MASK}, found {pk}")
    return key << KEY_SHIFT | pk


def index_articles(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Index new articles: rows carry ``pk``, ``title``, ``text``, ``language`` and (SQLite)
    ``key``, the article's ``search_key``."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        params = [{"pk": r["pk"], "cfg": PG_CONFIGS.get(r["language"] or "", "simple"),
                   "doc": f"{r['title'] or ''}\n{r['text']}"} for r in rows]
        connection.execute(text(
            "INSERT INTO articles_fts (pk, document) "
            "VALUES (:pk, to_tsvector(CAST(:cfg AS regconfig), unaccent(:doc)))"), params)
    else:
        params = [{"rowid": fts_rowid(r["pk"], r.get("key", 0)), "title": r["title"] or "", "text": r["text"]}
                  for r in rows]
        connection.execute(text("INSERT INTO articles_fts (rowid, title, text) VALUES (:rowid, :title, :text)"),
                           params)


def rekey_articles(connection: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """SQLite: move indexed articles to a new search key (a later event now cites them); rows carry
    ``pk``, ``title``, ``text``, ``old`` and ``new`` keys. A contentless FTS5 row is deleted by
    giving back the values it was indexed with."""
    for r in rows:
        values = {"title": r["title"] or "", "text": r["text"]}
        connection.execute(text("INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                                "VALUES ('delete', :rowid, :title, :text)"),
                           {"rowid": fts_rowid(r["pk"], r["old"]), **values})
        connection.execute(text("INSERT INTO articles_fts (rowid, title, text) VALUES (:rowid, :title, :text)"),
                           {"rowid": fts_rowid(r["pk"], r["new"]), **values})


def parse_query(query: str) -> list[list[str]]:
    """Alternatives (OR) of required terms; a term is a word or a phrase of words."""
    alternatives: list[list[str]] = [[]]
    for phrase, word in _TOKEN.findall(query):
        if word == "OR":
            alternatives.append([])
            continue
        words = _WORD.findall(phrase or word)
        if words:
            alternatives[-1].append(" ".join(words))
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        raise UsageError(f"expected words to search for, found {query!r}", where="--text")
    return alternatives


def matching_pks(dialect: str, query: str) -> TextClause:
    """A SELECT of the ``articles.pk`` whose title or text match ``query``."""
    if dialect == "postgresql":
        return text(f"SELECT pk FROM articles_fts WHERE document @@ ({_postgres_tsquery()})").bindparams(
            bindparam("fts_query", _postgres_web(query)))
    return text(f"SELECT rowid & {PK_MASK} AS pk FROM articles_fts WHERE articles_fts MATCH :fts_query").bindparams(
        bindparam("fts_query", sqlite_match(query)))


def postgres_matching_among(query: str) -> TextClause:
    """PostgreSQL: a SELECT of the pks, among the expanding parameter ``pks``, whose document
    matches ``query`` (a primary-key probe and a tsvector test each, no GIN scan)."""
    return text(f"SELECT pk FROM articles_fts WHERE pk IN :pks AND document @@ ({_postgres_tsquery()})").bindparams(
        bindparam("pks", expanding=True), bindparam("fts_query", _postgres_web(query)))


def _postgres_web(query: str) -> str:
    """Each alternative as websearch syntax."""
    return " or ".join(" ".join(f'"{t}"' for t in alt) for alt in parse_query(query))


def _postgres_tsquery() -> str:
    """OR-ing the French, English and simple parses matches documents whatever configuration indexed them."""
    return " || ".join(f"websearch_to_tsquery('{cfg}', unaccent(:fts_query))"
                       for cfg in (*PG_CONFIGS.values(), "simple"))


def sqlite_match(query: str) -> str:
    """``query`` as an FTS5 MATCH expression (every term quoted: no user syntax reaches FTS5)."""
    return " OR ".join("(" + " AND ".join(f'"{t}"' for t in alt) + ")" for alt in parse_query(query))
