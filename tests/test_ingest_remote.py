"""Inputs named by URL: a local S3 (moto's server on loopback) and file:// URLs, read by the same
readers as local files, sources naming the URL; a prefix stands for the objects under it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from object_store import LocalS3, local_s3

from chronique.errors import ChroniqueError, InputError
from chronique.ingest.remote import expand, is_url
from chronique.ingest.sources import read_sources
from chronique.schema import Article


@pytest.fixture(scope="module")
def s3() -> Iterator[LocalS3]:
    pytest.importorskip("moto.server")
    with local_s3() as server:
        yield server


def parquet_bytes(texts: list[str]) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table({"text": texts, "lang": ["en"] * len(texts)}), sink)
    return bytes(sink.getvalue().to_pybytes())


def test_what_counts_as_a_url() -> None:
    assert is_url("s3://bucket/key") and is_url("gs://b/k") and is_url("file:///tmp/x")
    assert not is_url("C://windows") and not is_url("plain/path.txt") and not is_url(Path("s3://b"))


def test_a_prefix_is_read_object_by_object_in_name_order(s3: LocalS3) -> None:
    s3.put("news/wire/b.jsonl", json.dumps({"text": "Ostria expelled two diplomats of Norland."}).encode() + b"\n")
    s3.put("news/wire/a.txt", b"Valdoria opened its border to Ostria.\n")
    s3.put("news/wire/sub/c.parquet", parquet_bytes(["Norland pledged aid to Valdoria."]))
    s3.put("news/wire/.hidden.txt", b"never read")
    prefix = s3.url("news/wire/")
    assert [u.split("?")[0] for u in expand(prefix)] == [
        "s3://news/wire/a.txt", "s3://news/wire/b.jsonl", "s3://news/wire/sub/c.parquet"]
    items = list(read_sources([prefix]))
    assert all(isinstance(i, Article) for i in items)
    assert [i.text for i in items if isinstance(i, Article)] == [
        "Valdoria opened its border to Ostria.", "Ostria expelled two diplomats of Norland.",
        "Norland pledged aid to Valdoria."]
    sources = [i.source or "" for i in items if isinstance(i, Article)]
    assert sources[0] == s3.url("news/wire/a.txt")
    assert sources[1].startswith("s3://news/wire/b.jsonl?") and sources[1].endswith("#record 1")


def test_a_missing_object_and_a_bad_one_are_rejections_naming_their_url(s3: LocalS3) -> None:
    s3.put("news/bad/empty.txt", b"")
    missing, empty = s3.url("news/none.txt"), s3.url("news/bad/empty.txt")
    items = list(read_sources([missing, empty]))
    assert [type(i).__name__ for i in items] == ["InputError", "EmptyInputError"]
    assert [i.where for i in items if isinstance(i, ChroniqueError)] == [missing, empty]


def test_file_urls_read_like_paths(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("Norland and Valdoria signed a truce.\n", encoding="utf-8")
    (article,) = read_sources([f"file://{tmp_path / 'in'}"])
    assert isinstance(article, Article) and article.source == f"file://{tmp_path / 'in' / 'one.txt'}"


def test_an_unsupported_scheme_is_a_rejection() -> None:
    (error,) = read_sources(["nosuch://bucket/key"])
    assert isinstance(error, InputError) and error.where == "nosuch://bucket/key"
