"""Whether a SQLite database in WAL mode has changed, told without a statement.

Every statement on a sqlite3 connection releases the GIL and takes it back; in the API's event
loop, with the answering threads holding the GIL, getting it back cost more than the statement
(py-spy, docs/performance.md: the version read for every request was a fifth of the loop's time).
A database in WAL mode keeps its WAL-index header at the start of the ``-shm`` file, which every
connection maps: a committing writer rewrites it (``iChange`` counts transactions, ``mxFrame``
names the last frame), writing two copies of 48 bytes (https://www.sqlite.org/walformat.html,
section 2.1). Read through a mapping of our own, the header is a few bytes of memory: unchanged
bytes mean no commit since they were last read. Two copies that differ (a writer between them)
or a file that is not there, too short or replaced say nothing: the caller asks SQLite instead.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path

HEADER = 48  # bytes of one copy of the WAL-index header
_BOTH = 2 * HEADER


class WalHeader:
    """``read()`` → the header's bytes when both copies agree, else None. Map only while a
    connection of the caller's holds the database open (SQLite may remove ``-shm`` after the last
    connection closes; an open connection also keeps it from being replaced)."""

    def __init__(self, database: str) -> None:
        self._path = Path(f"{database}-shm")
        self._map: mmap.mmap | None = None
        self._inode: int | None = None

    def read(self) -> bytes | None:
        """The header, from memory (no system call); None when not mapped (see ``attach``)."""
        mapped = self._map
        if mapped is None:
            return None
        try:
            copies = mapped[:_BOTH]
        except ValueError:  # closed by another thread meanwhile
            return None
        first = copies[:HEADER]
        if first != copies[HEADER:] or first[12] != 1:  # a writer between the copies, or not initialised
            return None
        return first

    def attach(self) -> bool:
        """Map the file, or check that the mapping is still the database's ``-shm`` (called when
        the caller asks SQLite anyway, so that a replaced file is never trusted beyond one read)."""
        if self._map is not None:
            try:
                if os.stat(self._path).st_ino == self._inode:
                    return True
            except OSError:
                pass
            self.close()
        try:
            with open(self._path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                if stat.st_size < _BOTH:
                    return False
                self._map = mmap.mmap(handle.fileno(), _BOTH, access=mmap.ACCESS_READ)
                self._inode = stat.st_ino
        except (OSError, ValueError):
            return False
        return True

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
        self._map, self._inode = None, None
