"""Parquet shards of extractions: what a Ray job writes and ``chronique load`` reads.

One shard per part (a run of consecutive input files), named by its first input's position so
that reading the shards in name order gives the input order back. A shard is written to a
temporary name and renamed, so a shard that exists is complete: a resumed job skips its part.
Each row is an article's Extraction (the JSON contract of DESIGN.md) or a rejected input's Failure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.errors import InputError
from chronique.report import Failure
from chronique.schema import Extraction

SCHEMA = pa.schema([("input", pa.int64()), ("item", pa.int64()), ("extraction", pa.string()),
                    ("failure", pa.string())])


@dataclass(frozen=True)
class ShardRow:
    input: int  # position of the input file in the job
    item: int  # position of the article (or rejection) within that file
    extraction: Extraction | None = None
    failure: Failure | None = None


def shard_name(part: int) -> str:
    return f"part-{part:08d}.parquet"


def write_shard(path: Path, rows: list[ShardRow]) -> None:
    table = pa.Table.from_pylist([{
        "input": r.input, "item": r.item,
        "extraction": json.dumps(r.extraction.to_dict(), ensure_ascii=False) if r.extraction else None,
        "failure": json.dumps(r.failure.to_dict(), ensure_ascii=False) if r.failure else None,
    } for r in rows], schema=SCHEMA)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(table, partial)
    os.replace(partial, path)


def read_shards(folder: Path) -> Iterator[ShardRow]:
    """Every row of every shard under ``folder``, in input order."""
    if not folder.is_dir():
        raise InputError("expected a folder of Parquet shards (chronique ingest --engine ray --shards), "
                         "found no folder", where=str(folder))
    files = sorted(folder.glob("part-*.parquet"))
    if not files:
        raise InputError("expected Parquet shards named part-*.parquet, found none", where=str(folder))
    for file in files:
        try:
            table = pq.read_table(file, schema=SCHEMA)
        except (pa.ArrowInvalid, OSError) as error:
            message = f"expected a shard with columns {SCHEMA.names}, found: {error}"
            raise InputError(message, where=str(file)) from error
        rows = sorted(table.to_pylist(), key=lambda r: (r["input"], r["item"]))
        for number, row in enumerate(rows):
            yield _decode(row, f"{file}", number)


def _decode(row: dict[str, object], where: str, number: int) -> ShardRow:
    try:
        extraction = Extraction.from_dict(json.loads(str(row["extraction"]))) if row["extraction"] else None
        failure = Failure(**json.loads(str(row["failure"]))) if row["failure"] else None
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(f"expected an Extraction or a Failure as JSON, found: {error}", where=where,
                         record=number) from error
    return ShardRow(int(str(row["input"])), int(str(row["item"])), extraction, failure)
