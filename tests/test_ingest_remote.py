"""Inputs named by URL: a local S3 (moto's server on loopback) and file:// URLs, read by the same
readers as local files, sources naming the URL; a prefix stands for the objects under it."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq
import pytest
from object_store import LocalS3, local_s3

from chronique.errors import ChroniqueError, InputError
from chronique.ingest.opened import InputFile
from chronique.ingest.pieces import pieces_of
from chronique.ingest.readers.parquet import ParquetReader
from chronique.ingest.registry import load_readers
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


FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_every_built_in_format_is_read_in_place_without_a_copy(s3: LocalS3, warc_builder: ModuleType,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def no_copy(*_: object, **__: object) -> None:
        raise AssertionError("an object was copied to a local file")

    monkeypatch.setattr("chronique.ingest.remote.tempfile.TemporaryDirectory", no_copy)
    for name in ("en-wire.txt", "fr-page.html", "fr-feed.rss", "mixed.jsonl"):
        s3.put(f"inplace/{name}", (FIXTURES / name).read_bytes())
    s3.put("inplace/pages.warc.gz", warc_builder.make_warc(warc_builder.PAGES, gzip=True))
    s3.put("inplace/rows.parquet", parquet_bytes(["Norland pledged aid to Valdoria."]))
    s3.put("inplace/noext", (FIXTURES / "en-wire.txt").read_bytes())  # sniffed from its first bytes
    remote = list(read_sources([s3.url("inplace/")]))
    assert not [i for i in remote if isinstance(i, ChroniqueError) and i.code == "INPUT_ERROR"]
    by_object: dict[str, list[str]] = {}
    for item in remote:
        name = (item.source if isinstance(item, Article) else item.where) or ""
        by_object.setdefault(name.split("?")[0].rsplit("/", 1)[-1], []).append(
            item.text if isinstance(item, Article) else type(item).__name__)
    for name in ("en-wire.txt", "fr-page.html", "fr-feed.rss", "mixed.jsonl"):
        local = [i.text if isinstance(i, Article) else type(i).__name__ for i in read_sources([FIXTURES / name])]
        assert by_object[name] == local, name
    assert len(by_object["pages.warc.gz"]) == 2 and by_object["noext"] == by_object["en-wire.txt"]


def test_a_plugin_reader_of_local_files_reads_a_copy(s3: LocalS3) -> None:
    class LinesReader:
        """Reads only local files: one article per line."""

        name = "lines"
        extensions = (".lines",)

        def sniff(self, head: bytes) -> bool:
            return False

        def read(self, path: Path) -> Iterator[Article]:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                yield Article.create(line, source=f"{path}#record {number}")

    s3.put("plugin/a.lines", b"Ostria recalled its envoy.\nNorland sent grain.\n")
    url = s3.url("plugin/a.lines")
    items = list(read_sources([url], readers=load_readers(plugins=False, extra=[LinesReader()])))
    assert [(i.text, i.source) for i in items if isinstance(i, Article)] == [
        ("Ostria recalled its envoy.", f"{url}#record 1"), ("Norland sent grain.", f"{url}#record 2")]


class CountingFiles:
    """The local file system seen through the three calls InputFile makes, counting bytes read."""

    def __init__(self) -> None:
        self.read = 0
        self.local = pafs.LocalFileSystem()

    def get_file_info(self, path: str) -> pafs.FileInfo:
        return self.local.get_file_info(path)

    def open_input_stream(self, path: str, compression: str | None = "detect") -> object:
        return self._counted(path)

    def open_input_file(self, path: str) -> object:
        return self._counted(path)

    def _counted(self, path: str) -> object:
        files = self

        class Counted(io.BufferedReader):
            def read(self, size: int | None = -1) -> bytes:
                data = super().read(size)
                files.read += len(data)
                return data

            def readinto(self, buffer: Any) -> int:
                n = super().readinto(buffer)
                files.read += n
                return n

        return Counted(io.FileIO(path, "rb"))


def test_parquet_row_groups_of_an_object_are_read_by_ranges(tmp_path: Path) -> None:
    texts = [f"Bulletin {i}: " + "the envoys of Ostria and Norland met again at the border. " * 400 for i in range(60)]
    path = tmp_path / "wire.parquet"
    pq.write_table(pa.table({"text": texts}), path, row_group_size=6, compression="none")
    files = CountingFiles()
    source = InputFile(str(path), "s3://bucket/wire.parquet", files)  # type: ignore[arg-type]
    items = list(ParquetReader().read_input(source, range(4, 5)))
    assert [i.source for i in items if isinstance(i, Article)] == [
        f"s3://bucket/wire.parquet#record {n}" for n in range(25, 31)]
    assert files.read < path.stat().st_size / 4  # the footer and one group of ten, not the whole object


def test_the_row_groups_of_an_object_read_apart_give_the_object_read_whole(s3: LocalS3) -> None:
    sink = pa.BufferOutputStream()
    texts = [f"Report {i}: Valdoria and Ostria exchanged prisoners." for i in range(9)]
    pq.write_table(pa.table({"text": texts, "lang": ["en"] * 9}), sink, row_group_size=2)
    s3.put("pieces/wire.parquet", sink.getvalue().to_pybytes())
    url = s3.url("pieces/wire.parquet")
    pieces = pieces_of(5, url, rows_per_piece=4)
    assert [p.groups for p in pieces] == [(0, 2), (2, 4), (4, 5)]
    apart = [(n, x.source if isinstance(x, Article) else x.where) for p in pieces for n, x in p.items()]
    whole = [(n, x.source if isinstance(x, Article) else x.where) for n, x in enumerate(read_sources([url]))]
    assert apart == whole and len(whole) == 9 and whole[8][1] == f"{url}#record 9"
