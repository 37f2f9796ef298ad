"""Read endpoints over the rest of the store: articles with their spans, actors, places,
transfers, and export downloads of the current filter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import StreamingResponse

from chronique.api import download
from chronique.api.errors import ApiError
from chronique.api.geo import located
from chronique.api.params import CODE, IDENT, event_filters, free_text, merged_reports
from chronique.api.records import Json, article_json, encode, event_json, transfer_json
from chronique.api.roles import roles_of
from chronique.api.state import ApiState, get_state
from chronique.dedup import merge_events
from chronique.schema import Record
from chronique.store import transfer_views, views
from chronique.store.query import EventQuery

router = APIRouter(prefix="/api", tags=["store"])
State = Annotated[ApiState, Depends(get_state)]
Filters = Annotated[EventQuery, Depends(event_filters)]
PLACES = 500  # places per map answer by default, busiest first
MAX_PLACES = 5000


@router.get("/articles/{article_id}", summary="An article: text, the spans of its actors, places, times, "
            "weapons, and its events")
def get_article(state: State, article_id: Annotated[str, Path(pattern=IDENT)]) -> Json:
    return Json(article_answer(state, article_id))


def article_answer(state: ApiState, article_id: str) -> bytes:
    """The body of /api/articles/{article_id} (the route's, and the fast path's in fast.py)."""
    with state.store.reading():  # one connection, one transaction per request
        view = views.article_view(state.store, article_id)
    if view is None:
        raise ApiError(404, "NOT_FOUND", f"expected a stored article id, found {article_id[:80]!r}",
                       where="article_id")
    return encode({"article": article_json(view.article), "mentions": view.mentions,
                   "events": [event_json(e) for e in view.events]})


@router.get("/actors", summary="Actor codes of the filtered events, busiest first")
def list_actors(state: State, query: Filters) -> Json:
    return Json(actors_answer(state, query))


def actors_answer(state: ApiState, query: EventQuery) -> bytes:
    """The body of /api/actors (the route's and the fast path's)."""
    with state.store.reading():  # one connection, one transaction per request
        whole = replace(query, limit=None)
        limit = query.limit or 50
        found: list[Any] = state.cache.get(state.store, ("actors", whole, limit),
                                           lambda: views.actor_counts(state.store, whole, limit))
    return encode({"actors": [{"code": c, "as_actor": a, "as_recipient": r} for c, a, r in found]})


@router.get("/actors/{code}", summary="One actor: counts as source and target, counterparts, dated roles")
def get_actor(state: State, code: Annotated[str, Path(pattern=CODE)]) -> Json:
    return Json(actor_answer(state, code))


def actor_answer(state: ApiState, code: str) -> bytes:
    """The body of /api/actors/{code} (the route's and the fast path's)."""
    with state.store.reading():  # one connection, one transaction per request
        summary = state.cache.get(state.store, ("actor", code.upper()), lambda: views.actor_summary(state.store, code))
    roles = roles_of(code)
    return encode({**asdict(summary),
                   "counterparts": [{"code": c, "towards": t, "from": f} for c, t, f in summary.counterparts],
                   "roles": [asdict(r) for r in roles[:200]]})


@router.get("/places", summary="Events per resolved place (the map's data)")
@router.get("/map", summary="Events per resolved place, with coordinates (the same as /api/places)")
def list_places(
    state: State, query: Filters,
    places: Annotated[int, Query(ge=1, le=MAX_PLACES, description="At most this many places, busiest first.")] = PLACES,
) -> Json:
    return Json(places_answer(state, query, places))


def places_answer(state: ApiState, query: EventQuery, places: int) -> bytes:
    """The body of /api/places and /api/map (the routes' and the fast path's)."""
    with state.store.reading():  # one connection, one transaction per request
        found = place_counts(state, replace(query, limit=None), places)
    return encode({"places": [located(p) for p in found]})


def place_counts(state: ApiState, whole: EventQuery, places: int) -> list[views.PlaceCount]:
    """Events per place for ``whole`` (a query without limit), cached per store version."""
    return state.cache.get(state.store, ("places", whole, places),
                           lambda: views.place_counts(state.store, whole, places))


@router.get("/transfers", summary="Arms transfers (supplier, recipient, weapon, status, date, evidence)")
def list_transfers(
    state: State,
    supplier: Annotated[str | None, Query(pattern=CODE)] = None,
    recipient: Annotated[str | None, Query(pattern=CODE)] = None,
    status: Annotated[str | None, Query(pattern="^[a-z]{1,16}$")] = None,
    weapon: Annotated[str | None, Query(max_length=128)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Json:
    with state.store.reading():  # one connection, one transaction per request
        f = transfer_views.TransferFilter(supplier=supplier, recipient=recipient, status=status,
                                 weapon=free_text(weapon, "weapon"), limit=limit, offset=offset)
        found = transfer_views.transfer_rows(state.store, f)
        texts = views.articles_by_id(state.store, [aid for _, aid in found])
        return Json({"transfers": [transfer_json(t, aid, texts.get(aid)) for t, aid in found],
                     "next_offset": offset + limit if len(found) == limit else None})


@router.get("/export", summary="Download the filtered events (or every transfer or article), streamed",
            response_class=StreamingResponse)
def export(
    state: State, query: Filters,
    format: Annotated[str, Query(pattern="^(csv|jsonl|parquet|plover)$")] = "jsonl",
    what: Annotated[str, Query(pattern="^(events|transfers|articles)$")] = "events",
    merge: Annotated[bool, Query(description="Merge reports of one event across articles (events only).")] = True,
) -> StreamingResponse:
    """Every event of the filter (``limit`` is ignored), read page by page as the download goes;
    a merged download needs all its reports at once and is bounded (MAX_MERGED_REPORTS)."""
    if format == "plover" and what != "events":
        raise ApiError(400, "BAD_PARAMETER", f"expected what=events for PLOVER, found what={what!r}",
                       where="query.what")
    records: Iterable[Record]
    if what == "events" and merge:
        found = merged_reports(state, replace(query, limit=None))
        pairs = state.store.duplicate_pairs({s for e in found for s in e.sources})
        records = [m.event for m in merge_events(found, duplicates=pairs)]
    elif what == "events":
        records = views.iter_events(state.store, query)
    elif what == "transfers":
        records = state.store.iter_transfers()
    else:
        records = state.store.iter_articles()
    name = f"chronique-{what}.{download.SUFFIX[format]}"
    return StreamingResponse(download.stream(format, records, what), media_type=download.MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
