"""Exporters over iterables of records: ``write(fmt, records, out, what=...)``.

CSV and Parquet write the flat tables of ``flat.py`` (one event table, one transfer table);
JSONL writes each record's nested JSON; PLOVER the PLOVER standard's record. Records are consumed
as they come, so a store can stream them: csv, jsonl and plover hold one record at a time,
parquet one row group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from chronique.errors import ConfigError
from chronique.export import flat
from chronique.export.csv import ARTICLE_COLUMNS, article_values, write_rows
from chronique.export.jsonl import write_jsonl
from chronique.export.parquet import ARTICLE_SCHEMA, write_table
from chronique.export.plover import PLOVER_LAYOUTS, to_plover, validate_plover, write_plover
from chronique.export.sink import RECORD_TYPES, Exportable, Target, binary_sink, checked, text_sink
from chronique.report import FailurePolicy, RunReport

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "plover")
KINDS: tuple[str, ...] = tuple(RECORD_TYPES)


def _layout(what: str, merged: bool, register: bool) -> tuple[Any, Any, Callable[[Any], dict[str, Any]]]:
    """(CSV columns, Parquet columns or schema, row function) of one kind of record."""
    if what == "events":
        columns = flat.event_columns(merged)
        return columns, columns, flat.event_values
    if what == "transfers":
        columns = flat.transfer_columns(register)
        return columns, columns, flat.transfer_values
    return ARTICLE_COLUMNS, ARTICLE_SCHEMA, article_values


def write(fmt: str, records: Iterable[Exportable], out: Target, *, what: str = "events", merged: bool = False,
          register: bool = False, plover_layout: str = "jsonl", policy: FailurePolicy = FailurePolicy.RAISE,
          report: RunReport | None = None) -> int:
    """Write ``records`` (events, transfers or articles, as ``what`` says) to ``out`` in ``fmt``.

    ``out`` is a path or an open stream (text for csv/jsonl/plover, binary for parquet). Returns
    the number of records written. ``merged`` adds the merge columns to a flat event table and
    ``register`` the in_register column to a transfer table. PLOVER takes events only, as JSON
    Lines or one JSON array (``plover_layout``); a record that fails PLOVER validation goes
    through ``policy`` (raise, skip, or record in ``report``).
    """
    if fmt not in FORMATS:
        raise ConfigError(f"export format: expected one of {list(FORMATS)}, found {fmt!r}", where="export")
    if what not in RECORD_TYPES:
        raise ConfigError(f"export records: expected one of {list(KINDS)}, found {what!r}", where="export")
    if fmt == "plover" and what != "events":
        raise ConfigError(f"export plover: PLOVER records are events, found what={what!r}", where="export")
    if plover_layout not in PLOVER_LAYOUTS:
        raise ConfigError(f"PLOVER layout: expected one of {list(PLOVER_LAYOUTS)}, found {plover_layout!r}",
                          where="export plover")
    stream = checked(records, what)
    columns, schema, to_values = _layout(what, merged, register)
    if fmt == "parquet":
        with binary_sink(out) as sink:
            return write_table(stream, sink, schema, to_values)
    with text_sink(out) as handle:
        if fmt == "csv":
            return write_rows(stream, handle, columns, to_values)
        if fmt == "jsonl":
            return write_jsonl(stream, handle)
        entries = (e for e in stream if isinstance(e, flat.EventEntry))
        return write_plover(entries, handle, layout=plover_layout, policy=policy, report=report)


__all__ = ["FORMATS", "KINDS", "to_plover", "validate_plover", "write"]
