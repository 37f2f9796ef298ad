"""Parquet shards of extractions: what a Ray job writes and ``chronique load`` reads.

One shard per part (a run of consecutive input files), named by its first input's position so
that reading the shards in name order gives the input order back. A shard is written to a
temporary name and moved, so a shard that exists is complete: a resumed job skips its part. The
folder is a local path or an object-storage URL (``s3://bucket/run/``, remote.py's file systems).
Each row is an article's Extraction (the JSON contract of DESIGN.md) or a rejected input's Failure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from chronique.errors import InputError
from chronique.ingest.remote import is_url, open_url
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


@dataclass(frozen=True)
class ShardFolder:
    """Where shards live: a local folder or a URL of a store pyarrow opens (``s3://bucket/shards``)."""

    fs: pafs.FileSystem
    path: str
    where: str  # as the user named it, for messages

    @classmethod
    def at(cls, folder: str | Path) -> ShardFolder:
        if is_url(folder):
            remote = open_url(str(folder))
            return cls(remote.fs, remote.path, str(folder))
        return cls(pafs.LocalFileSystem(), str(Path(folder).absolute()), str(folder))

    def file(self, name: str) -> str:
        return f"{self.path.rstrip('/')}/{name}"

    def has(self, part: int) -> bool:
        try:
            return bool(self.fs.get_file_info(self.file(shard_name(part))).type == pafs.FileType.File)
        except (pa.ArrowException, OSError) as error:
            raise InputError(f"expected a readable folder of shards, found: {error}", where=self.where) from error

    def make(self) -> None:
        """Create the folder (not a bucket: that is the store owner's choice), before any work."""
        try:
            self.fs.create_dir(self.path, recursive=True)
        except (pa.ArrowException, OSError) as error:
            raise InputError(f"expected a folder where shards can be written, found: {error}",
                             where=self.where) from error

    def write(self, part: int, rows: list[ShardRow]) -> None:
        """Written under a temporary name, then moved: a shard that exists is complete."""
        name = self.file(shard_name(part))
        pq.write_table(_table(rows), name + ".partial", filesystem=self.fs)
        self.fs.move(name + ".partial", name)

    def names(self) -> list[str]:
        try:
            info = self.fs.get_file_info(self.path)
            if info.type != pafs.FileType.Directory:
                raise InputError("expected a folder of Parquet shards (chronique ingest --engine ray --shards), "
                                 "found no folder", where=self.where)
            found = self.fs.get_file_info(pafs.FileSelector(self.path))
        except (pa.ArrowException, OSError) as error:
            raise InputError(f"expected a readable folder of shards, found: {error}", where=self.where) from error
        names = sorted(n for n in (f.base_name for f in found) if n.startswith("part-") and n.endswith(".parquet"))
        if not names:
            raise InputError("expected Parquet shards named part-*.parquet, found none", where=self.where)
        return names


def _table(rows: list[ShardRow]) -> pa.Table:
    return pa.Table.from_pylist([{
        "input": r.input, "item": r.item,
        "extraction": json.dumps(r.extraction.to_dict(), ensure_ascii=False) if r.extraction else None,
        "failure": json.dumps(r.failure.to_dict(), ensure_ascii=False) if r.failure else None,
    } for r in rows], schema=SCHEMA)


def write_shard(path: Path, rows: list[ShardRow]) -> None:
    """One shard at a local path (named ``part-NNNNNNNN.parquet``)."""
    ShardFolder.at(path.parent).write(int(path.name.removeprefix("part-").split(".")[0]), rows)


def read_shards(folder: str | Path) -> Iterator[ShardRow]:
    """Every row of every shard under ``folder`` (a path or a URL), in input order."""
    shards = ShardFolder.at(folder)
    for name in shards.names():
        where = f"{shards.where.rstrip('/')}/{name}"
        try:
            table = pq.read_table(shards.file(name), schema=SCHEMA, filesystem=shards.fs)
        except (pa.ArrowInvalid, OSError) as error:
            message = f"expected a shard with columns {SCHEMA.names}, found: {error}"
            raise InputError(message, where=where) from error
        rows = sorted(table.to_pylist(), key=lambda r: (r["input"], r["item"]))
        for number, row in enumerate(rows):
            yield _decode(row, where, number)


def _decode(row: dict[str, object], where: str, number: int) -> ShardRow:
    try:
        extraction = Extraction.from_dict(json.loads(str(row["extraction"]))) if row["extraction"] else None
        failure = Failure(**json.loads(str(row["failure"]))) if row["failure"] else None
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(f"expected an Extraction or a Failure as JSON, found: {error}", where=where,
                         record=number) from error
    return ShardRow(int(str(row["input"])), int(str(row["item"])), extraction, failure)
