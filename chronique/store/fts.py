"""Full-text search on article text, one way per backend, the same query language for both.

SQLite: an FTS5 index ``articles_fts`` whose rowid is ``articles.pk``, tokenised by unicode61 with
remove_diacritics, so "Bielorussie" finds "Biélorussie". PostgreSQL: a table ``articles_fts`` of
tsvectors built with the article's language configuration over unaccent()ed text, GIN-indexed.

A query is words and "quoted phrases", all required, with OR between alternatives, as a search box
reads. It is rewritten for each backend so that user input never reaches a query parser raw.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.sql.elements import TextClause

from chronique.errors import InputError

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


def index_articles(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Index new articles: rows carry ``pk``, ``title``, ``text`` and ``language``."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        params = [{"pk": r["pk"], "cfg": PG_CONFIGS.get(r["language"] or "", "simple"),
                   "doc": f"{r['title'] or ''}\n{r['text']}"} for r in rows]
        connection.execute(text(
            "INSERT INTO articles_fts (pk, document) "
            "VALUES (:pk, to_tsvector(CAST(:cfg AS regconfig), unaccent(:doc)))"), params)
    else:
        params = [{"pk": r["pk"], "title": r["title"] or "", "text": r["text"]} for r in rows]
        connection.execute(text("INSERT INTO articles_fts (rowid, title, text) VALUES (:pk, :title, :text)"), params)


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
        raise InputError(f"expected words to search for, found {query!r}", where="--text")
    return alternatives


def matching_pks(dialect: str, query: str) -> TextClause:
    """A SELECT of the ``articles.pk`` whose title or text match ``query``."""
    alternatives = parse_query(query)
    if dialect == "postgresql":
        # Each alternative as websearch syntax; OR-ing the French, English and simple parses
        # matches documents whatever configuration indexed them.
        web = " or ".join(" ".join(f'"{t}"' for t in alt) for alt in alternatives)
        tsq = " || ".join(f"websearch_to_tsquery('{cfg}', unaccent(:fts_query))"
                          for cfg in (*PG_CONFIGS.values(), "simple"))
        return text(f"SELECT pk FROM articles_fts WHERE document @@ ({tsq})").bindparams(
            bindparam("fts_query", web))
    match = " OR ".join("(" + " AND ".join(f'"{t}"' for t in alt) + ")" for alt in alternatives)
    return text("SELECT rowid AS pk FROM articles_fts WHERE articles_fts MATCH :fts_query").bindparams(
        bindparam("fts_query", match))
