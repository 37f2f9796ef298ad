"""Property-based fuzzing (hypothesis) of what a hostile user controls: file bytes under every
reader, JSONL fields, feed and WARC structure, query options. The property everywhere: no
exception escapes; each input gives Articles (valid, storable Unicode) or coded rejections."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronique.errors import ChroniqueError, UsageError
from chronique.ingest.readers.jsonl import parse_line
from chronique.ingest.sources import read_sources
from chronique.schema import Article
from chronique.settings import Settings
from chronique.store.query import EventQuery
from chronique.store.store import Store
from chronique.textclean import encodable

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = (".txt", ".html", ".rss", ".xml", ".jsonl", ".warc", ".warc.gz", "")
# Any code point, lone surrogates and controls included (hypothesis leaves surrogates out by default).
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=200)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
                           max_leaves=12)


def _storable(article: Article) -> bool:
    """Encodable as UTF-8 and without NUL (what PostgreSQL refuses), with some text."""
    for value in (article.text, article.title, article.url, article.source):
        if value is not None and ("\x00" in value or not encodable(value)):
            return False
    return bool(article.text)


def _read(data: bytes, name: str) -> list[Article | ChroniqueError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_sources([path]))
    assert items, "an input gives at least an article or a rejection"
    for item in items:
        assert isinstance(item, Article | ChroniqueError)
        assert not isinstance(item, Article) or _storable(item)
    return items


@FUZZ
@given(data=st.binary(max_size=2048), ext=st.sampled_from(EXTENSIONS))
def test_any_bytes_under_any_reader(data: bytes, ext: str) -> None:
    _read(data, "input" + ext)


@FUZZ
@given(record=st.dictionaries(st.sampled_from(["text", "title", "url", "published", "language", "x"]),
                              JSON_VALUES, max_size=6))
def test_any_jsonl_fields(record: dict[str, object]) -> None:
    line = json.dumps(record, ensure_ascii=True).encode()  # ASCII escapes carry the surrogates
    try:
        article = parse_line(line, "fuzz.jsonl", 1)
    except ChroniqueError:
        return
    assert _storable(article)


@FUZZ
@given(titles=st.lists(ANY_TEXT, max_size=4), bodies=st.lists(ANY_TEXT, min_size=1, max_size=4),
       dates=st.lists(ANY_TEXT, max_size=4), cut=st.integers(min_value=0, max_value=4000))
def test_feed_structure(titles: list[str], bodies: list[str], dates: list[str], cut: int) -> None:
    def escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8", "replace").decode("utf-8")

    items = "".join(f"<item><title>{escape(t)}</title><description>{escape(b)}</description>"
                    f"<pubDate>{escape(d)}</pubDate></item>" for t, b, d in zip(titles + [""] * 4, bodies,
                                                                                  dates + [""] * 4, strict=False))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'.encode()
    _read(feed, "feed.rss")
    _read(feed[:cut], "cut.rss")


def _warc(pages: list[tuple[str, bytes, str]], gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for status, body, content_type in pages:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://fuzz.example/", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


@FUZZ
@given(pages=st.lists(st.tuples(st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]), st.binary(max_size=300),
                                st.sampled_from(["text/html", "image/png", "text/html; charset=latin-1"])),
                      min_size=1, max_size=3),
       gzip=st.booleans(), cut=st.integers(min_value=0, max_value=3000), flip=st.integers(min_value=0, max_value=3000))
def test_warc_structure(pages: list[tuple[str, bytes, str]], gzip: bool, cut: int, flip: int) -> None:
    data = _warc(pages, gzip)
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    _read(data, name)
    _read(data[:cut], name)
    if flip < len(data):
        _read(data[:flip] + bytes([data[flip] ^ 0xFF]) + data[flip + 1:], name)


@pytest.fixture(scope="module")
def query_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'q.db'}"
    return Store.open(Settings(database_url=url))


@FUZZ
@given(since=st.none() | ANY_TEXT, actor=st.none() | ANY_TEXT, text=st.none() | ANY_TEXT, place=st.none() | ANY_TEXT,
       limit=st.none() | st.integers(min_value=-5, max_value=10**12))
def test_query_options(query_store: Store, since: str | None, actor: str | None, text: str | None,
                       place: str | None, limit: int | None) -> None:
    # a bad option is a usage error (exit 2), whether the query or the full-text search rejects it
    with contextlib.suppress(UsageError):
        assert query_store.events(EventQuery(since=since, actor=actor, text=text, place=place, limit=limit)) == []


def test_an_entry_of_control_characters_alone_is_rejected_not_stored() -> None:
    """Found by the feed fuzz: a description that is only an escape character is empty once the
    Article boundary removes control characters, and must be a rejection, not an empty article."""
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><item><title></title>'
            b"<description>\x1b</description></item><item><title>t</title><description>Un vrai texte."
            b"</description></item></channel></rss>")
    items = _read(feed, "feed.rss")
    assert [type(i).__name__ for i in items] == ["EmptyInputError", "Article"]
