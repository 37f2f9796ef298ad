"""Parquet with an explicit schema: nested records become structs, tuples lists, so DuckDB,
pandas and pyarrow read the file as is. Records are written in row-group batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.schema import Record

BATCH_ROWS = 10_000

_ACTOR = pa.struct([
    ("code", pa.string()), ("sector", pa.string()), ("entity_text", pa.string()),
    ("identifier_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
])
_LOCATION = pa.struct([
    ("extracted_place", pa.string()), ("resolved_place", pa.string()), ("geonameid", pa.int64()),
    ("lat", pa.float64()), ("lon", pa.float64()), ("country_code", pa.string()), ("resolution", pa.int32()),
])

EVENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("date", pa.string()), ("date_precision", pa.string()),
    ("actor", _ACTOR), ("recipient", _ACTOR), ("event", pa.string()), ("mode", pa.string()),
    ("context", pa.list_(pa.string())), ("quad_code", pa.int32()), ("cameo", pa.string()),
    ("event_loc", _LOCATION), ("event_text", pa.string()),
    ("text_info", pa.struct([("sequence", pa.int32()), ("start", pa.int64()), ("end", pa.int64())])),
    ("modality", pa.string()), ("speaker", pa.string()), ("confidence", pa.float64()),
    ("coder", pa.string()), ("sources", pa.list_(pa.string())),
])
TRANSFER_SCHEMA = pa.schema([
    ("supplier", pa.string()), ("recipient", pa.string()), ("weapon", pa.string()),
    ("category", pa.string()), ("status", pa.string()), ("date", pa.string()), ("event_id", pa.string()),
    ("evidence", pa.struct([("start", pa.int64()), ("end", pa.int64())])),
    ("quantity", pa.int64()), ("weapon_text", pa.string()),
])
ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("language", pa.string()), ("published", pa.string()), ("published_inferred", pa.bool_()),
    ("text", pa.string()),
])
SCHEMAS: dict[str, pa.Schema] = {"events": EVENT_SCHEMA, "transfers": TRANSFER_SCHEMA, "articles": ARTICLE_SCHEMA}


def _batches(records: Iterable[Record], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(records)
    while batch := [r.to_dict() for r in islice(it, size)]:
        yield batch


def write_parquet(records: Iterable[Record], sink: Any, what: str, *, batch_rows: int = BATCH_ROWS) -> int:
    """Write one row group per ``batch_rows`` records; an empty input still writes a valid file."""
    schema = SCHEMAS[what]
    count = 0
    with pq.ParquetWriter(sink, schema) as writer:
        for batch in _batches(records, batch_rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema), row_group_size=batch_rows)
            count += len(batch)
    return count
