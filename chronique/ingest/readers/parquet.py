"""Parquet: one article per row, a string column "text" and optional string columns "title",
"url", "published" and "language" (or "lang"); other columns are ignored. The file is read a
batch of rows at a time, so a large file never sits whole in memory. A bad row (text missing,
empty, too large, or not a string) is yielded as its error and the following rows are still read;
a file that is not Parquet, or has no "text" column, is rejected whole. Rows count from 1.

A job may read a file's row groups apart, as separate tasks (``read_input``'s ``groups``); rows keep
their numbers in the whole file. An object in a store (s3://…) is read by ranges: the footer, then
the row groups wanted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.errors import ChroniqueError, EmptyInputError, FormatError, InputError
from chronique.ingest.dates import normalise_published
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES, optional_string, too_large
from chronique.ingest.opened import InputFile
from chronique.schema import Article

MAGIC = b"PAR1"
BATCH_ROWS = 256
OPTIONAL = ("title", "url", "published")
LANGUAGE_COLUMNS = ("language", "lang")  # the first present is read


def parse_row(row: dict[str, Any], where: str, number: int) -> Article:
    text = optional_string(row, "text", where, number, kind="column ")
    if text is None or not text.strip():
        raise EmptyInputError('expected article text in column "text", found none', where=where, record=number)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        raise too_large(size, where, record=number)
    title, url, published = (optional_string(row, key, where, number, kind="column ") for key in OPTIONAL)
    language = next((optional_string(row, key, where, number, kind="column ") for key in LANGUAGE_COLUMNS
                     if key in row), None)
    return Article.create(text.strip(), title=title, url=url, published=normalise_published(published),
                          language=language, source=f"{where}#record {number}")


def _open(source: InputFile) -> tuple[pq.ParquetFile, list[str]]:
    where = source.where
    try:
        table = pq.ParquetFile(source.random_access())
    except OSError as exc:
        raise InputError(f"expected a readable file, found {exc.strerror or exc}", where=where) from exc
    except (pa.ArrowException, ValueError) as exc:
        raise FormatError(f"expected a Parquet file, found one pyarrow cannot read ({exc})", where=where) from exc
    names = table.schema_arrow.names
    if "text" not in names:
        raise FormatError(f'expected a column "text", found columns {sorted(names)}', where=where)
    wanted = ["text", *OPTIONAL, *LANGUAGE_COLUMNS]
    return table, [name for name in wanted if name in names]


def row_group_rows(source: InputFile) -> list[int]:
    """The number of rows of each row group (from the footer alone): how a job splits the file."""
    table, _ = _open(source)
    with table:
        return [table.metadata.row_group(k).num_rows for k in range(table.num_row_groups)]


class ParquetReader:
    name = "parquet"
    extensions: tuple[str, ...] = (".parquet", ".pq")

    def sniff(self, head: bytes) -> bool:
        return head.startswith(MAGIC)

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        return self.read_input(InputFile.local(path))

    def read_input(self, source: InputFile, groups: range | None = None) -> Iterator[Article | ChroniqueError]:
        """Every row of the file, or of the row groups ``groups`` only: rows keep the numbers they
        have in the whole file, so reading a file's row groups apart gives what reading it whole does."""
        where = source.where
        table, columns = _open(source)
        chosen = range(table.num_row_groups) if groups is None else groups
        number = sum(table.metadata.row_group(k).num_rows for k in range(chosen.start))  # rows before
        with table:
            try:
                for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns, row_groups=list(chosen)):
                    for row in batch.to_pylist():
                        number += 1
                        try:
                            yield parse_row(row, where, number)
                        except ChroniqueError as error:
                            yield error
            except (pa.ArrowException, OSError) as exc:
                raise FormatError(f"expected readable Parquet rows, found an error after row {number} ({exc})",
                                  where=where, record=number or None) from exc
        if number == 0 and groups is None:
            raise EmptyInputError("expected rows of articles, found an empty Parquet file", where=where)
