"""The Parquet reader: a "text" column and optional metadata columns, one article per row; a bad
row is its own rejection, a file without "text" or not Parquet at all is rejected whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.errors import ChroniqueError, EmptyInputError, FormatError
from chronique.ingest.readers.parquet import BATCH_ROWS
from chronique.ingest.sources import read_sources
from chronique.schema import Article


def write(path: Path, columns: dict[str, list[object]], **options: object) -> Path:
    pq.write_table(pa.table(columns), path, **options)  # type: ignore[arg-type]
    return path


def test_rows_become_articles_with_their_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.parquet", {
        "text": ["Norland recalled its envoy from Ostria on Monday.", "Le Valdor a signé un accord avec l'Ostrie."],
        "title": ["Envoy recalled", None],
        "url": ["https://news.example/a", ""],
        "published": ["2024-03-04", "4 mars 2024"],
        "lang": ["en", "fr"],
        "section": ["world", "monde"],  # ignored
    })
    first, second = read_sources([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.url, first.published, first.language) == (
        "Envoy recalled", "https://news.example/a", "2024-03-04", "en")
    assert first.source == f"{path}#record 1" and second.source == f"{path}#record 2"
    assert (second.title, second.url, second.language) == (None, None, "fr")


def test_a_language_column_is_preferred_to_lang(tmp_path: Path) -> None:
    path = write(tmp_path / "both.parquet", {"text": ["Ostria closed a border crossing."], "language": ["en"],
                                             "lang": ["fr"]})
    (article,) = read_sources([path])
    assert isinstance(article, Article) and article.language == "en"


def test_bad_rows_are_rejected_one_by_one_and_reading_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.parquet", {
        "text": ["The council of Valdoria met in the capital.", "   ", None, "Norland sent grain to Ostria."],
        "title": [None, None, None, None],
    })
    items = list(read_sources([path]))
    assert [type(i).__name__ for i in items] == ["Article", "EmptyInputError", "EmptyInputError", "Article"]
    assert [i.record for i in items if isinstance(i, ChroniqueError)] == [2, 3]


def test_a_metadata_column_of_numbers_rejects_its_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "typed.parquet", {"text": ["Ostria and Norland held talks."], "title": [42]})
    (error,) = read_sources([path])
    assert isinstance(error, FormatError) and '"title"' in error.message and error.record == 1


def test_a_file_without_a_text_column_is_rejected_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "body.parquet", {"body": ["Norland raised its tariffs."]})
    (error,) = read_sources([path])
    assert isinstance(error, FormatError) and "body" in error.message


def test_an_empty_table_and_a_file_that_is_not_parquet(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.parquet", {"text": pa.array([], pa.string())})
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not really a Parquet file")
    first, second = read_sources([empty, broken])
    assert isinstance(first, EmptyInputError)
    assert isinstance(second, FormatError) and "Parquet" in second.message


def test_parquet_is_recognised_by_its_content_and_read_past_one_batch(tmp_path: Path) -> None:
    rows = BATCH_ROWS + 3
    texts = [f"Bulletin {i}: Valdoria and Norland resumed trade." for i in range(rows)]
    path = write(tmp_path / "no-extension", {"text": texts}, row_group_size=100)
    items = list(read_sources([path]))
    assert all(isinstance(i, Article) for i in items)
    assert [i.text for i in items if isinstance(i, Article)] == texts
