"""Every kind of bad input gives a clear error naming the file (and record), and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from chronique.errors import (
    BinaryInputError,
    ChroniqueError,
    EmptyInputError,
    EncodingError,
    FormatError,
    NoTextError,
    TooLargeError,
)
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES
from chronique.ingest.sources import read_sources
from chronique.schema import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
GOOD = FIXTURES / "en-wire.txt"




def only_error(path: Path, fmt: str | None = None) -> ChroniqueError:
    """Read ``path`` between two good files: exactly one error comes out, the good ones still do."""
    items = list(read_sources([GOOD, path, GOOD], fmt=fmt))
    errors = [item for item in items if isinstance(item, ChroniqueError)]
    assert isinstance(items[0], Article) and isinstance(items[-1], Article)
    assert len(errors) == 1, errors
    return errors[0]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    error = only_error(path)
    assert isinstance(error, EmptyInputError)
    assert error.where == str(path) and "empty file" in error.message


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t \n")
    assert isinstance(only_error(path), EmptyInputError)


@pytest.mark.parametrize(("name", "data", "found"), [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("blob.bin", bytes(range(256)) * 4, "NUL"),
    ("no-extension", b"\x00\x01\x02\x03binary", "NUL"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
])
def test_binary_files(tmp_path: Path, name: str, data: bytes, found: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    error = only_error(path)
    assert isinstance(error, BinaryInputError)
    assert error.where == str(path) and found in error.message and error.message.startswith("expected")


def test_undecodable_bytes_name_offset_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("La Hongrie a opposé son véto.".encode("latin-1"))
    error = only_error(path)
    assert isinstance(error, EncodingError)
    assert error.where == str(path)
    assert error.offset == len(b"La Hongrie a oppos")
    assert "expected UTF-8" in error.message and "e9" in error.message


def test_too_large_text_is_rejected_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # a sparse 50 MB file: cheap to make, costly if read
        stream.truncate(50 * 1024 * 1024)
    opened: list[Path] = []
    real_read_bytes = Path.read_bytes

    def spy(self: Path) -> bytes:
        opened.append(self)
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    error = only_error(path)
    assert isinstance(error, TooLargeError)
    assert f"{MAX_DOCUMENT_BYTES:,}" in error.message and f"{50 * 1024 * 1024:,}" in error.message
    assert path not in opened


def test_html_without_main_text() -> None:
    error = only_error(FIXTURES / "nav-only.html")
    assert isinstance(error, NoTextError)
    assert error.where == str(FIXTURES / "nav-only.html")


def test_html_that_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"\x00\x00<html>\x00")
    assert isinstance(only_error(path), BinaryInputError)


@pytest.mark.parametrize("name", ["not-a-feed.xml", "broken-feed.rss"])
def test_feed_that_is_not_xml(name: str) -> None:
    error = only_error(FIXTURES / name)
    assert isinstance(error, FormatError)
    assert "expected an RSS/Atom feed" in error.message and error.where == str(FIXTURES / name)


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("cut", [200, 40])
def test_truncated_warc_keeps_complete_records(tmp_path: Path, gzip: bool, cut: int,
                                               warc_builder: ModuleType) -> None:
    data = warc_builder.make_warc(warc_builder.PAGES, gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[:-cut])
    items = list(read_sources([path]))
    assert isinstance(items[0], Article) and items[0].url == "https://news.example/fr/1"
    assert len(items) == 2
    error = items[1]
    assert isinstance(error, FormatError)
    assert "truncated" in error.message and error.where == str(path) and error.record == 3


def test_warc_cut_inside_its_first_header(tmp_path: Path) -> None:
    path = tmp_path / "stub.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: respo")
    error = only_error(path)
    assert isinstance(error, FormatError) and error.where == str(path)


def test_jsonl_bad_lines_are_errors_and_good_lines_go_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "L'Italie a rappelé son ambassadeur.", "language": "fr"}),
             "{not json}",
             json.dumps({"title": "Sans texte"}),
             json.dumps({"text": "Spain recalled its ambassador.", "language": "en"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_sources([path]))
    assert [type(i).__name__ for i in items] == ["Article", "FormatError", "FormatError", "Article"]
    not_json, no_text = items[1], items[2]
    assert isinstance(not_json, FormatError) and not_json.record == 2 and "invalid JSON" in not_json.message
    assert isinstance(no_text, FormatError) and no_text.record == 3 and '"text"' in no_text.message
    assert "record 2" in not_json.describe() and str(path) in not_json.describe()


def test_jsonl_line_with_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes('{"text": "Le Pérou"}\n'.encode("latin-1") + b'{"text": "Peru voted."}\n')
    bad, good = list(read_sources([path]))
    assert isinstance(bad, EncodingError) and bad.record == 1
    assert isinstance(good, Article)


def test_jsonl_overlong_line_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chronique.ingest.readers.jsonl.MAX_DOCUMENT_BYTES", 100)
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x " * 200}) + "\n" + json.dumps({"text": "Chile voted."}) + "\n")
    too_big, good = list(read_sources([path]))
    assert isinstance(too_big, TooLargeError) and too_big.record == 1
    assert isinstance(good, Article) and good.source == f"{path}#record 2"


def test_jsonl_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    assert isinstance(only_error(path), EmptyInputError)


def test_every_error_says_expected_and_found(tmp_path: Path) -> None:
    for name, data in [("a.txt", b""), ("b.txt", b"\xff\xfe\xfd"), ("c.xml", b"plain words"),
                       ("d.jsonl", b"[1]\n")]:
        (tmp_path / name).write_bytes(data)
    errors = [i for i in read_sources([tmp_path]) if isinstance(i, ChroniqueError)]
    assert len(errors) == 4
    for error in errors:
        assert error.message.startswith("expected") and "found" in error.message
        assert error.where is not None and error.where.startswith(str(tmp_path))
