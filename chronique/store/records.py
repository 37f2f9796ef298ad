"""What ``Store.events`` and ``Store.merged_events`` return: lists that also turn into the flat
event table (docs/exports.md) as a pyarrow Table (``to_arrow``) or a pandas DataFrame
(``to_pandas``; pandas is optional)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyarrow as pa

from chronique.dedup import MergedEvent
from chronique.errors import ConfigError
from chronique.export.flat import (
    EVENT_COLUMNS,
    ArticleRef,
    EventEntry,
    MergeInfo,
    arrow_schema,
    event_columns,
    event_values,
    with_articles,
)
from chronique.schema import Event

Lookup = Callable[[list[str]], Mapping[str, ArticleRef]]


def _pandas(table: pa.Table) -> Any:
    """The table as a pandas DataFrame; pandas is optional, so its absence is a clear error."""
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ConfigError("expected pandas for to_pandas(), found it not installed (pip install pandas; "
                          "to_arrow() needs only pyarrow)", where="to_pandas") from exc
    return table.to_pandas()


class EventRecords(list[Event]):
    """Events, newest first, as the store found them; their articles' URL and title are looked up
    only when a table is made."""

    def __init__(self, events: Iterable[Event] = (), lookup: Lookup | None = None) -> None:
        super().__init__(events)
        self._lookup = lookup

    def to_arrow(self) -> pa.Table:
        """The flat event table: typed columns, dates as dates, CAMEO as text."""
        entries = with_articles(self, self._lookup or (lambda ids: {}))
        return pa.Table.from_pylist([event_values(e) for e in entries], schema=arrow_schema(EVENT_COLUMNS))

    def to_pandas(self) -> Any:
        """The flat event table as a pandas DataFrame (needs pandas installed)."""
        return _pandas(self.to_arrow())


class MergedRecords(list[MergedEvent]):
    """Merged events, newest first; their table adds ``independent_sources`` and ``members``."""

    def __init__(self, merged: Iterable[MergedEvent] = (), lookup: Lookup | None = None) -> None:
        super().__init__(merged)
        self._lookup = lookup

    def to_arrow(self) -> pa.Table:
        """The flat event table of merged exports (its merge columns filled)."""
        merged = (EventEntry(m.event, merge=MergeInfo(m.independent_sources, tuple(m.member_ids))) for m in self)
        entries = with_articles(merged, self._lookup or (lambda ids: {}))
        return pa.Table.from_pylist([event_values(e) for e in entries], schema=arrow_schema(event_columns(True)))

    def to_pandas(self) -> Any:
        """The merged events' flat table as a pandas DataFrame (needs pandas installed)."""
        return _pandas(self.to_arrow())
