"""Guards around each record a reader or stage handles: whatever it raises becomes a rejection
with a code, a message, its source and its record, and the run goes on with the next one.

A ChroniqueError passes as it is. Exceptions with a known meaning for hostile input (nesting too
deep for the parser, numbers too long to convert, memory) get an input error's code; anything
else is an InternalError, a bug to report, still confined to its record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from chronique.errors import ChroniqueError, FormatError, InternalError, TooLargeError
from chronique.schema import Article

T = TypeVar("T")
REPORT_TO = "the chronique issue tracker (with the command and the input that caused it)"


def as_error(exc: BaseException, where: str | None, record: int | str | None = None) -> ChroniqueError:
    """The rejection an exception raised while handling one record stands for."""
    if isinstance(exc, ChroniqueError):
        return exc
    if isinstance(exc, RecursionError):
        return FormatError("expected a structure of reasonable depth, found one nested too deeply to parse",
                           where=where, record=record)
    if isinstance(exc, MemoryError):
        return TooLargeError("expected a record that fits in memory, found one that does not",
                             where=where, record=record)
    if isinstance(exc, ValueError) and "exceeds the limit" in str(exc).lower():
        # int() and json refuse integers of more than sys.get_int_max_str_digits() digits
        return FormatError(f"expected numbers of reasonable length, found {exc}", where=where, record=record)
    return InternalError(f"expected to handle this record, found an unexpected {type(exc).__name__}: {exc}; "
                         f"this is a bug, please report it to {REPORT_TO}", where=where, record=record)


def guarded(work: Callable[[], T], where: str | None, record: int | str | None = None) -> T | ChroniqueError:
    """``work()``, or the rejection its exception stands for."""
    try:
        return work()
    except Exception as exc:  # the guard's whole point: no record may stop the run
        return as_error(exc, where, record)


def guard_stream(items: Iterator[Article | ChroniqueError], where: str) -> Iterator[Article | ChroniqueError]:
    """A reader's output: an exception ends this input with a rejection naming it, not the run.
    The articles read before it are kept."""
    try:
        yield from items
    except Exception as exc:  # a reader (or plugin) broke: reject the rest of this input only
        yield as_error(exc, where)
