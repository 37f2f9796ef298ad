"""Parquet: one article per row, a string column "text" and optional string columns "title",
"url", "published" and "language" (or "lang"); other columns are ignored. The file is read a
batch of rows at a time, so a large file never sits whole in memory. A bad row (text missing,
empty, too large, or not a string) is yielded as its error and the following rows are still read;
a file that is not Parquet, or has no "text" column, is rejected whole. Rows count from 1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.errors import ChroniqueError, EmptyInputError, FormatError, InputError
from chronique.ingest.dates import normalise_published
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES, too_large
from chronique.schema import Article

MAGIC = b"PAR1"
BATCH_ROWS = 256
OPTIONAL = ("title", "url", "published")
LANGUAGE_COLUMNS = ("language", "lang")  # the first present is read


def _string(row: dict[str, Any], key: str, where: str, number: int) -> str | None:
    value = row.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FormatError(f'expected column "{key}" to hold strings, found {type(value).__name__}',
                          where=where, record=number)
    return value


def parse_row(row: dict[str, Any], where: str, number: int) -> Article:
    text = _string(row, "text", where, number)
    if text is None or not text.strip():
        raise EmptyInputError('expected article text in column "text", found none', where=where, record=number)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        raise too_large(size, where, record=number)
    title, url, published = (_string(row, key, where, number) for key in OPTIONAL)
    language = next((_string(row, key, where, number) for key in LANGUAGE_COLUMNS if key in row), None)
    return Article.create(text.strip(), title=title, url=url, published=normalise_published(published),
                          language=language, source=f"{where}#record {number}")


def _open(path: Path, where: str) -> tuple[pq.ParquetFile, list[str]]:
    try:
        table = pq.ParquetFile(path)
    except OSError as exc:
        raise InputError(f"expected a readable file, found {exc.strerror or exc}", where=where) from exc
    except (pa.ArrowException, ValueError) as exc:
        raise FormatError(f"expected a Parquet file, found one pyarrow cannot read ({exc})", where=where) from exc
    names = table.schema_arrow.names
    if "text" not in names:
        raise FormatError(f'expected a column "text", found columns {sorted(names)}', where=where)
    wanted = ["text", *OPTIONAL, *LANGUAGE_COLUMNS]
    return table, [name for name in wanted if name in names]


class ParquetReader:
    name = "parquet"
    extensions: tuple[str, ...] = (".parquet", ".pq")

    def sniff(self, head: bytes) -> bool:
        return head.startswith(MAGIC)

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        where = str(path)
        table, columns = _open(path, where)
        number = 0
        try:
            for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns):
                for row in batch.to_pylist():
                    number += 1
                    try:
                        yield parse_row(row, where, number)
                    except ChroniqueError as error:
                        yield error
        except (pa.ArrowException, OSError) as exc:
            raise FormatError(f"expected readable Parquet rows, found an error after row {number} ({exc})",
                              where=where, record=number or None) from exc
        if number == 0:
            raise EmptyInputError("expected rows of articles, found an empty Parquet file", where=where)
