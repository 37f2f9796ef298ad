"""Where an export goes: a path (opened and closed here) or a stream the caller owns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from chronique.errors import SchemaError
from chronique.schema import Article, Event, Record, Transfer

Target = str | Path | IO[str] | IO[bytes]
R = TypeVar("R", bound=Record)

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


def checked(records: Iterable[Record], kind: type[R], what: str) -> Iterator[R]:
    """Yield the records one by one, refusing any that is not of the kind being exported."""
    for index, record in enumerate(records):
        if not isinstance(record, kind):
            raise SchemaError(
                f"exporting {what}: expected a {kind.__name__}, found {type(record).__name__}",
                where=f"export {what}", record=index,
            )
        yield record
