"""A batch job's inputs cut into pieces of work: whole files, and runs of row groups of a Parquet
file, so that one big Parquet file spreads over many tasks instead of being one.

A piece knows its file's position among the job's inputs and the position of its first item in
that file: reading a file's pieces one after the other gives the items that reading it whole
gives (same articles, same sources and record numbers, same item positions). Only a file the
Parquet reader would read (``--input-format parquet``, or a Parquet extension) is split, from its
footer alone; a file whose footer cannot be read stays whole and is rejected when its piece is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from chronique.errors import ChroniqueError
from chronique.ingest.opened import InputFile
from chronique.ingest.readers.parquet import ParquetReader, row_group_rows
from chronique.ingest.registry import FORMAT_ALIASES
from chronique.ingest.remote import is_url, open_url
from chronique.ingest.sources import checked, read_sources
from chronique.schema import Article

ROWS_PER_PIECE = 1024  # rows of consecutive row groups gathered into one piece (a group is never cut)


@dataclass(frozen=True)
class Piece:
    input: int  # the file's position among the job's inputs
    name: str  # its path or URL
    groups: tuple[int, int] | None = None  # row groups [start, stop) of a Parquet file; None: the whole file
    first_item: int = 0  # the position in the file of the piece's first item

    def items(self, fmt: str | None = None) -> Iterator[tuple[int, Article | ChroniqueError]]:
        """The piece's articles and rejections, each with its position in the file."""
        if self.groups is None:
            yield from enumerate(read_sources([self.name if is_url(self.name) else Path(self.name)], fmt=fmt))
            return
        source = _input_file(self.name)
        read = ParquetReader().read_input(source, range(*self.groups))
        yield from enumerate(checked(read, source.where), start=self.first_item)


def _input_file(name: str) -> InputFile:
    if is_url(name):
        remote = open_url(name)
        return InputFile(remote.path, name, remote.fs)
    return InputFile.local(Path(name))


def _is_parquet(name: str, fmt: str | None) -> bool:
    if fmt:
        return FORMAT_ALIASES.get(fmt.lower(), fmt.lower()) == ParquetReader.name
    return _input_file(name).name.lower().endswith(ParquetReader.extensions)


def pieces_of(number: int, name: str, fmt: str | None = None, rows_per_piece: int = ROWS_PER_PIECE) -> list[Piece]:
    """One file's pieces: runs of row groups of at most ``rows_per_piece`` rows (a larger group
    alone) for a Parquet file of more rows than that, else the whole file."""
    if not _is_parquet(name, fmt):
        return [Piece(number, name)]
    try:
        rows = row_group_rows(_input_file(name))
    except ChroniqueError:  # read whole, it is rejected in its piece
        return [Piece(number, name)]
    if sum(rows) <= rows_per_piece:
        return [Piece(number, name)]
    found: list[Piece] = []
    start, first, taken = 0, 0, 0
    for group, count in enumerate(rows):
        if taken and taken + count > rows_per_piece:
            found.append(Piece(number, name, (start, group), first))
            start, first, taken = group, first + taken, 0
        taken += count
    found.append(Piece(number, name, (start, len(rows)), first))
    return found


def plan_parts(names: list[str], fmt: str | None = None, *, files_per_part: int = 64,
               rows_per_piece: int = ROWS_PER_PIECE) -> list[list[Piece]]:
    """The job's parts in input order: up to ``files_per_part`` consecutive whole files each, and
    every piece of a split Parquet file a part of its own."""
    parts: list[list[Piece]] = []
    current: list[Piece] = []
    for number, name in enumerate(names):
        pieces = pieces_of(number, name, fmt, rows_per_piece)
        if len(pieces) == 1 and pieces[0].groups is None:
            current.append(pieces[0])
            if len(current) >= files_per_part:
                parts.append(current)
                current = []
            continue
        if current:
            parts.append(current)
            current = []
        parts += [[piece] for piece in pieces]
    if current:
        parts.append(current)
    return parts
