"""RSS and Atom feeds (feedparser): each entry is an Article with its link and published date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import feedparser

from chronique.errors import ChroniqueError, FormatError, NoTextError
from chronique.guard import guarded
from chronique.ingest.dates import normalise_published
from chronique.ingest.inputs import check_not_binary, read_document
from chronique.ingest.opened import InputFile
from chronique.ingest.readers.markup import fragment_text
from chronique.schema import Article

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 2048


def _entry_text(entry: Any) -> str:
    """The fullest body an entry carries: content:encoded / Atom content, else the summary."""
    bodies = [c.get("value", "") for c in entry.get("content", []) or []]
    bodies.append(entry.get("summary", "") or "")
    best = max(bodies, key=len)
    return fragment_text(best)


def _entry_published(entry: Any) -> str | None:
    # The raw string keeps the publisher's calendar date; the parsed tuple is in UTC.
    for key in ("published", "updated", "created"):
        found = normalise_published(entry.get(key))
        if found:
            return found
    for key in ("published_parsed", "updated_parsed"):
        found = normalise_published(entry.get(key))
        if found:
            return found
    return None


def _entry_article(entry: Any, where: str, number: int) -> Article:
    text = _entry_text(entry)
    if not text:
        raise NoTextError("expected an entry with a summary or content, found none", where=where, record=number)
    return Article.create(text, title=_string(entry.get("title")), url=_string(entry.get("link")),
                          source=f"{where}#record {number}", published=_entry_published(entry))


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class FeedReader:
    name = "feed"
    extensions: tuple[str, ...] = (".rss", ".atom", ".xml")

    def sniff(self, head: bytes) -> bool:
        return bool(_FEED_ROOT.search(head[:_SNIFF_BYTES]))

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        return self.read_input(InputFile.local(path))

    def read_input(self, source: InputFile) -> Iterator[Article | ChroniqueError]:
        where = source.where
        data = read_document(source)
        check_not_binary(data, where, expected="an RSS/Atom feed")
        parsed = feedparser.parse(data)
        if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
            problem = parsed.get("bozo_exception")
            raise FormatError(
                "expected an RSS/Atom feed (XML), found "
                + (f"content that is not well-formed XML ({problem})" if problem else "no feed element"),
                where=where,
            )
        if not parsed.entries:
            raise NoTextError("expected feed entries, found a feed with none", where=where)
        for number, entry in enumerate(parsed.entries, start=1):
            yield guarded(partial(_entry_article, entry, where, number), where, number)
