"""Read endpoints over events: the filtered list (or its merged view), one event with its
sources and evidence, and the timeline and map aggregates of a filter."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from chronique.api.errors import ApiError
from chronique.api.params import IDENT, MAX_CURSOR, event_filters, merged_reports
from chronique.api.records import JSON, Json, article_json, encode, event_json, evidence_span, merged_json
from chronique.api.state import ApiState, get_state
from chronique.api.timeline import BUCKETS, GROUPS, fold
from chronique.dedup import MergedEvent, merge_events
from chronique.errors import InputError
from chronique.schema import Article, Event
from chronique.store import views
from chronique.store.query import EventQuery
from chronique.store.raw_event import read_alone

router = APIRouter(prefix="/api", tags=["events"])
State = Annotated[ApiState, Depends(get_state)]
Filters = Annotated[EventQuery, Depends(event_filters)]
MERGE_WINDOW_DAYS = 1  # as `chronique events --merge`


@router.get("/events", summary="Events matching every filter, newest first, one page at a time")
def list_events(
    state: State, query: Filters,
    cursor: Annotated[str | None, Query(max_length=MAX_CURSOR, description="next_cursor of the previous page.")] = None,
    sort: Annotated[str, Query(pattern="^-?date$", description="-date (newest first) or date.")] = "-date",
    merge: Annotated[bool, Query(description="One record per event reported by several articles.")] = False,
) -> Json:
    return Json(list_answer(state, query, cursor, sort, merge))


def list_answer(state: ApiState, query: EventQuery, cursor: str | None, sort: str, merge: bool) -> bytes:
    """The body of /api/events (the route's, and the fast path's in fast.py: the same bytes)."""
    # a page of the common filters on a SQLite file: plain sqlite3, no pool checkout (raw_pages.py)
    page = None if merge else state.pages.page(query, cursor, sort)
    if page is None:
        with state.store.reading():  # one connection, one transaction per request
            if merge:
                return encode(_merged_page(state, query, cursor, sort))
            page = views.event_page(state.store, query, cursor=cursor, sort=sort)
    listed = ",".join(item.json() for item in page.items)
    return f'{{"events":[{listed}],"next_cursor":{json.dumps(page.next_cursor)}}}'.encode()


def _merged_page(state: ApiState, query: EventQuery, cursor: str | None, sort: str) -> JSON:
    """The merged view is built whole (merging needs every report); its pages are slices of it,
    and the cursor is the position of the next one."""
    start = _offset(cursor)
    limit = query.limit or 50
    found = merged_reports(state, replace(query, limit=None))
    pairs = state.store.duplicate_pairs({s for e in found for s in e.sources})
    merged = newest_first(merge_events(found, window_days=MERGE_WINDOW_DAYS, duplicates=pairs))
    if sort == "date":
        merged.reverse()
    page = merged[start:start + limit]
    more = start + limit < len(merged)
    return {"events": [merged_json(m) for m in page],
            "next_cursor": views.Cursor(None, f"@{start + limit}").encode() if more else None}


def newest_first(merged: list[MergedEvent]) -> list[MergedEvent]:
    """The order of Store.merged_events: date descending, ties by id."""
    merged.sort(key=lambda m: m.event.id)
    merged.sort(key=lambda m: m.event.date or "", reverse=True)
    return merged


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    ident = views.Cursor.decode(cursor).id
    if not ident.startswith("@") or not ident[1:].isdigit():
        raise InputError("expected a cursor of the merged view (merge=true), found another", where="cursor")
    return int(ident[1:])


@router.get("/events/{event_id}", summary="One event with every source article and its evidence span")
def get_event(state: State, event_id: Annotated[str, Path(pattern=IDENT)]) -> Json:
    return Json(event_answer(state, event_id))


def event_answer(state: ApiState, event_id: str) -> bytes:
    """The body of /api/events/{event_id} (the route's and the fast path's)."""
    # an event alone in its merge window (most), on a SQLite file: plain sqlite3 reads (raw_event.py)
    alone = read_alone(state.pages, event_id, merge_window)
    if alone is not None:
        return _event_body(event_id, alone.event, [], alone.articles)
    with state.store.reading():  # one connection, one transaction per request
        event = views.one_event(state.store, event_id)
        merged = _merged_with(state, event) if event is not None else []
        ids = [*event.sources, *(s for m in merged for s in m.sources)] if event is not None else []
        return _event_body(event_id, event, merged, views.articles_by_id(state.store, ids))


def _event_body(event_id: str, event: Event | None, merged: list[Event], found: dict[str, Article]) -> bytes:
    if event is None:
        raise ApiError(404, "NOT_FOUND", f"expected a stored event id, found {event_id[:80]!r}", where="event_id")
    sources = []
    for aid in dict.fromkeys([*event.sources, *(s for m in merged for s in m.sources)]):
        article = found.get(aid)
        if article is None:
            continue
        report = next((m for m in [event, *merged] if aid in m.sources), event)
        sources.append({"article": article_json(article), "event_id": report.id,
                        "evidence": evidence_span(report, article)})
    return encode({"event": event_json(event), "reports": [event_json(m) for m in merged], "sources": sources})


def merge_window(event: Event) -> EventQuery | None:
    """The reports `--merge` could fold with ``event``: same type and codes, dates a day apart
    (None: an event without a full date merges with none)."""
    if not event.date or len(event.date) < 10:
        return None
    day = date.fromisoformat(event.date[:10])
    window = timedelta(days=MERGE_WINDOW_DAYS)
    return EventQuery(since=(day - window).isoformat(), until=(day + window).isoformat(), type=event.event,
                      actor=event.actor.code if event.actor else None,
                      recipient=event.recipient.code if event.recipient else None, limit=None)


def _merged_with(state: ApiState, event: Event) -> list[Event]:
    """The other reports that `--merge` folds into the same event (same keys, near dates)."""
    near = merge_window(event)
    if near is None:
        return []
    # Most events are alone in their window: two rows of a plain page say so without reading them
    # all through the engine (raw_pages.py; its snapshot is no older than this request's).
    probe = state.pages.page(replace(near, limit=2))
    if probe is not None and len(probe.items) < 2:
        return []
    found = state.store.events(near)
    if len(found) < 2:  # the event alone in its window: nothing to merge, no links to read
        return []
    pairs = state.store.duplicate_pairs({s for e in found for s in e.sources})
    for merged in merge_events(found, window_days=MERGE_WINDOW_DAYS, duplicates=pairs):
        if event.id in merged.member_ids:
            return [m for m in merged.members if m.id != event.id]
    return []


def day_counts(state: ApiState, whole: EventQuery, *, months: bool = False) -> list[tuple[str, str, int]]:
    """Per-day (or per-month) counts of each type for ``whole`` (a query without limit), cached per
    store version."""
    return state.cache.get(state.store, ("months" if months else "days", whole),
                           lambda: views.day_type_counts(state.store, whole, months=months))


@router.get("/timeline", summary="Event counts per day, week or month, by PLOVER type or quad class")
def timeline(
    state: State, query: Filters,
    bucket: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    by: Annotated[str, Query(pattern="^(type|quad)$")] = "type",
) -> Json:
    return Json(timeline_answer(state, query, bucket, by))


def timeline_answer(state: ApiState, query: EventQuery, bucket: str, by: str) -> bytes:
    """The body of /api/timeline (the route's and the fast path's)."""
    assert bucket in BUCKETS and by in GROUPS
    # one actor's months on a SQLite file: a few hundred rollup rows at most, read directly (no cache)
    counts = state.pages.month_counts(query) if bucket == "month" else None
    if counts is None:
        with state.store.reading():  # one connection, one transaction per request
            counts = day_counts(state, replace(query, limit=None), months=bucket == "month")
    buckets = fold(counts, bucket, by)
    keys = sorted({k for b in buckets for k in b.counts})
    return encode({"bucket": bucket, "by": by, "keys": keys,
                   "buckets": [{"start": b.start, "counts": b.counts} for b in buckets]})
