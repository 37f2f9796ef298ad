"""Where an export goes (a path opened and closed here, or a stream the caller owns), and the
check that every record is of the kind being exported."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from chronique.errors import SchemaError
from chronique.export.flat import EventEntry, TransferEntry
from chronique.schema import Article, Event, Record, Transfer

Target = str | Path | IO[str] | IO[bytes]
Exportable = Record | EventEntry | TransferEntry

RECORD_TYPES: dict[str, type[Record]] = {"events": Event, "transfers": Transfer, "articles": Article}


@contextmanager
def text_sink(out: Target) -> Iterator[IO[str]]:
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out  # type: ignore[misc]


@contextmanager
def binary_sink(out: Target) -> Iterator[Any]:
    if isinstance(out, str | Path):
        with open(out, "wb") as handle:
            yield handle
    else:
        yield out


def checked(records: Iterable[Exportable], what: str) -> Iterator[Exportable]:
    """Yield the records one by one (events and transfers as entries), refusing any of another kind."""
    kind = RECORD_TYPES[what]
    for index, record in enumerate(records):
        if what == "events" and isinstance(record, Event | EventEntry):
            yield record if isinstance(record, EventEntry) else EventEntry(record)
        elif what == "transfers" and isinstance(record, Transfer | TransferEntry):
            yield record if isinstance(record, TransferEntry) else TransferEntry(record)
        elif what == "articles" and isinstance(record, Article):
            yield record
        else:
            found = type(record.event if isinstance(record, EventEntry) else
                         record.transfer if isinstance(record, TransferEntry) else record).__name__
            raise SchemaError(f"exporting {what}: expected a {kind.__name__}, found {found}",
                              where=f"export {what}", record=index)
