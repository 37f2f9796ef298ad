"""Query parameters shared by the read endpoints: the filters of `chronique events`, checked once.

FastAPI validates types and ranges (a 422 in the one error shape); the checks here add what it
cannot say: codes are short words, free text carries no control characters, since <= until.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import Query

from chronique.api.errors import ApiError
from chronique.api.state import ApiState
from chronique.schema import Event
from chronique.store.query import EventQuery

CODE = r"^[A-Za-z0-9_.-]{1,32}$"  # actor, country, CAMEO, event type codes
IDENT = r"^[A-Za-z0-9_.-]{1,128}$"  # event and article ids (hex digests)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_TEXT = 500
MAX_PLACE = 200
MAX_CURSOR = 400
MAX_LIMIT = 1000
# Merging needs every report of the filter in memory at once: a broader filter is refused.
MAX_MERGED_REPORTS = 50_000

Code = Annotated[str | None, Query(pattern=CODE, description="A code (RUS, NATO, AGREE, 03…).")]


def free_text(value: str | None, name: str) -> str | None:
    """A search string without control characters (a database may refuse NUL), or None when blank."""
    if value is None or not value.strip():
        return None
    if _CONTROL.search(value):
        raise ApiError(400, "BAD_PARAMETER", f"expected text without control characters, found {value[:40]!r}",
                       where=f"query.{name}")
    return value.strip()


async def event_filters(
    since: Annotated[date | None, Query(description="From this date (inclusive).")] = None,
    until: Annotated[date | None, Query(description="Up to this date (inclusive).")] = None,
    actor: Code = None,
    recipient: Code = None,
    type: Code = None,
    cameo: Code = None,
    country: Code = None,
    place: Annotated[str | None, Query(max_length=MAX_PLACE, description="Place name, substring.")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description='Full-text query: words, "phrases", '
                                      "OR; accents optional.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")] = 50,
) -> EventQuery:
    """The EventQuery of the request's filters (every filter of `chronique events`).

    async although it awaits nothing: FastAPI runs a plain function dependency in its thread pool,
    and that hop costs more than this whole check."""
    if since and until and since > until:
        raise ApiError(400, "BAD_PARAMETER", f"expected since <= until, found {since} > {until}", where="query.since")
    return EventQuery(since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                      actor=actor, recipient=recipient, type=type, cameo=cameo, country=country,
                      place=free_text(place, "place"), text=free_text(text, "text"), limit=limit)


def merged_reports(state: ApiState, query: EventQuery) -> list[Event]:
    """Every report of ``query`` for a merge, refused with 400 when there are too many to hold."""
    probe = state.store.events(replace(query, limit=MAX_MERGED_REPORTS + 1))
    if len(probe) > MAX_MERGED_REPORTS:
        raise ApiError(400, "TOO_BROAD", f"expected a filter matching at most {MAX_MERGED_REPORTS:,} reports to "
                       f"merge, found more: narrow it (dates, actor, type…) or set merge=false", where="query")
    return probe
