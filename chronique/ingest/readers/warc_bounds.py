"""Bounds on what a WARC archive can make the reader hold or do.

warcio parses record and HTTP headers line by line with an unbounded ``readline``: a header line
without an end (easily made by a gzip member that expands to gigabytes) is accumulated whole, by
repeated concatenation. The budget below caps the header bytes of each record; the payload is
read in bounded chunks elsewhere, so memory stays bounded whatever the archive expands to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chronique.errors import TooLargeError

# Record headers plus HTTP headers of one record (and the blank lines before the next one).
MAX_HEADER_BYTES = 1024 * 1024
# How far a too-large payload is decoded to measure its real size (a second gzip layer, HTTP
# Content-Encoding, can expand a thousandfold again: measuring it whole could take hours).
MEASURE_LIMIT = 256 * 1024 * 1024
CHUNK = 65536
# A gzip bomb expands about a thousandfold; HTML, even repetitive, rarely twentyfold. Past the
# floor, an archive whose output outgrows its input by more than this ratio is abandoned, so
# that the time spent on it is bounded by its size on disk, not by what it claims to hold.
MAX_EXPANSION = 200
EXPANSION_FLOOR = 256 * 1024 * 1024


class HeaderBudget:
    """Caps the bytes that warcio's ``readline`` may return between two ``start_record`` calls.

    Installed on the reader warcio iterates with (its ``readline`` attribute is replaced), so that
    every header line of a record, at any depth of warcio, draws from the same budget."""

    def __init__(self, reader: Any, where: str, limit: int = MAX_HEADER_BYTES) -> None:
        self.where, self.limit, self.used, self.record = where, limit, 0, 1
        self._readline: Callable[[int | None], bytes] = reader.readline
        reader.readline = self.readline

    def start_record(self, number: int) -> None:
        self.used, self.record = 0, number

    def readline(self, length: int | None = None) -> bytes:
        room = self.limit - self.used + 1
        line = self._readline(room if length is None else min(length, room))
        self.used += len(line)
        if self.used > self.limit:
            raise TooLargeError(
                f"expected WARC and HTTP headers of at most {self.limit:,} bytes per record, found more than "
                f"{self.limit:,} bytes of header lines (a line without an end, or too many lines); "
                "the rest of the archive is not read", where=self.where, record=self.record)
        return line


class ExpansionGuard:
    """Stops an archive whose decompressed output outgrows its compressed input (a bomb)."""

    def __init__(self, reader: Any, file: Any, where: str) -> None:
        self.reader, self.file, self.where = reader, file, where

    def check(self, record: int) -> None:
        produced, consumed = self.reader.num_read, self.file.tell()
        if produced > EXPANSION_FLOOR and produced > MAX_EXPANSION * max(consumed, 1):
            raise TooLargeError(
                f"expected an archive that expands at most {MAX_EXPANSION}-fold, found {produced:,} bytes "
                f"decompressed from its first {consumed:,} (a decompression bomb); the rest of the archive "
                "is not read", where=self.where, record=record)


def drain(stream: Any, limit: int | None = None, check: Callable[[], None] | None = None) -> int:
    """Read a stream to its end (or to ``limit`` bytes) a chunk at a time, calling ``check``
    after each; the bytes read."""
    total = 0
    while limit is None or total < limit:
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if check is not None:
            check()
    return total


def payload_too_large(record: Any, content: Any, read: int, where: str, number: int, limit: int,
                      check: Callable[[], None] | None = None) -> TooLargeError:
    """The rejection of a payload longer than ``limit``, with its real (decoded) size: the rest of
    the ``content`` stream is read in chunks to count it, up to ``MEASURE_LIMIT``; the record's
    own length (its Content-Length, HTTP headers included) is given beside it."""
    size = read + drain(content, MEASURE_LIMIT - read, check)
    found = f"{size:,} bytes" if size < MEASURE_LIMIT else f"more than {MEASURE_LIMIT:,} bytes"
    return TooLargeError(f"expected a payload of at most {limit:,} bytes, found {found} in a record of "
                         f"{record.length:,} bytes (not parsed)", where=where, record=number)
