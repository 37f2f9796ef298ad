"""Parquet with an explicit schema: the flat tables of ``flat.py`` (articles: the Article's own
fields), typed so that DuckDB, pandas and pyarrow read dates as dates and CAMEO codes as text.
Records are written in row-group batches, so memory holds one batch at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.export.flat import Column, arrow_schema

BATCH_ROWS = 10_000

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("language", pa.string()), ("published", pa.string()), ("published_inferred", pa.bool_()),
    ("text", pa.string()),
])


def _batches(records: Iterable[Any], size: int,
             to_values: Callable[[Any], dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(records)
    while batch := [to_values(r) for r in islice(it, size)]:
        yield batch


def write_table(records: Iterable[Any], sink: Any, columns: Iterable[Column] | pa.Schema,
                to_values: Callable[[Any], dict[str, Any]], *, batch_rows: int = BATCH_ROWS) -> int:
    """Write one row group per ``batch_rows`` records; an empty input still writes a valid file."""
    schema = columns if isinstance(columns, pa.Schema) else arrow_schema(columns)
    count = 0
    with pq.ParquetWriter(sink, schema) as writer:
        for batch in _batches(records, batch_rows, to_values):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema), row_group_size=batch_rows)
            count += len(batch)
    return count
