"""Exporters over iterables of schema records: ``write(fmt, records, out, what=...)``.

One module per format (csv, jsonl, parquet, plover). Records are consumed as they come, so a
store can stream them: csv, jsonl and plover hold one record at a time, parquet one row group.
"""

from __future__ import annotations

from collections.abc import Iterable

from chronique.errors import ConfigError
from chronique.export.csv import write_csv
from chronique.export.jsonl import write_jsonl
from chronique.export.parquet import write_parquet
from chronique.export.plover import to_plover, validate_plover, write_plover
from chronique.export.sink import RECORD_TYPES, Target, binary_sink, checked, text_sink
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Event, Record

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "plover")
KINDS: tuple[str, ...] = tuple(RECORD_TYPES)


def write(fmt: str, records: Iterable[Record], out: Target, *, what: str = "events",
          policy: FailurePolicy = FailurePolicy.RAISE, report: RunReport | None = None) -> int:
    """Write ``records`` (Events, Transfers or Articles, as ``what`` says) to ``out`` in ``fmt``.

    ``out`` is a path or an open stream (text for csv/jsonl/plover, binary for parquet). Returns
    the number of records written. PLOVER takes events only; a record that fails PLOVER
    validation goes through ``policy`` (raise, skip, or record in ``report``).
    """
    if fmt not in FORMATS:
        raise ConfigError(f"export format: expected one of {list(FORMATS)}, found {fmt!r}", where="export")
    if what not in RECORD_TYPES:
        raise ConfigError(f"export records: expected one of {list(KINDS)}, found {what!r}", where="export")
    if fmt == "plover" and what != "events":
        raise ConfigError(f"export plover: PLOVER records are events, found what={what!r}", where="export")
    stream = checked(records, RECORD_TYPES[what], what)
    if fmt == "parquet":
        with binary_sink(out) as sink:
            return write_parquet(stream, sink, what)
    with text_sink(out) as handle:
        if fmt == "csv":
            return write_csv(stream, handle, what)
        if fmt == "jsonl":
            return write_jsonl(stream, handle)
        return write_plover((e for e in stream if isinstance(e, Event)), handle, policy=policy, report=report)


__all__ = ["FORMATS", "KINDS", "to_plover", "validate_plover", "write"]
