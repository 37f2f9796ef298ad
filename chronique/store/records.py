"""What ``Store.events`` returns: a list of Events that also turns into the flat event table as a
pyarrow Table (``to_arrow``) or a pandas DataFrame (``to_pandas``; pandas is optional)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyarrow as pa

from chronique.errors import ConfigError
from chronique.export.flat import EVENT_COLUMNS, ArticleRef, arrow_schema, event_values, with_articles
from chronique.schema import Event

Lookup = Callable[[list[str]], Mapping[str, ArticleRef]]


class EventRecords(list[Event]):
    """Events, newest first, as the store found them; their articles' URL and title are looked up
    only when a table is made."""

    def __init__(self, events: Iterable[Event] = (), lookup: Lookup | None = None) -> None:
        super().__init__(events)
        self._lookup = lookup

    def to_arrow(self) -> pa.Table:
        """The flat event table (docs/exports.md): typed columns, dates as dates, CAMEO as text."""
        entries = with_articles(self, self._lookup or (lambda ids: {}))
        return pa.Table.from_pylist([event_values(e) for e in entries], schema=arrow_schema(EVENT_COLUMNS))

    def to_pandas(self) -> Any:
        """The flat event table as a pandas DataFrame (needs pandas installed)."""
        try:
            import pandas  # noqa: F401
        except ImportError as exc:
            raise ConfigError("expected pandas for to_pandas(), found it not installed (pip install pandas; "
                              "to_arrow() needs only pyarrow)", where="EventRecords.to_pandas") from exc
        return self.to_arrow().to_pandas()
