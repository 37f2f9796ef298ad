"""Read queries behind the API and the web UI: keyset pages of events, one event with its
sources, one article with its spans, and the counts that timeline, map and actor pages draw.

Every function takes an open ``Store`` and returns typed records; none writes. Pages use a keyset
cursor (the last row's date and id) rather than an offset, so a page costs the same wherever it
is and rows inserted meanwhile never shift the pages already read.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Integer, Select, String, and_, bindparam, func, or_, select

from chronique.errors import InputError
from chronique.schema import Article, Event
from chronique.store import role_months, rows
from chronique.store.query import BOUND_FILTERS, EventQuery, bound_shape, bound_terms, bound_values, event_select
from chronique.store.sources import sources_of
from chronique.store.store import Store
from chronique.store.tables import (
    articles,
    event_day_counts,
    event_place_counts,
    event_sources,
    events,
)

CHUNK = 500  # ids per IN list
_CURSOR_ID = re.compile(r"^[@A-Za-z0-9_.-]{1,128}$")
_CURSOR_DATE = re.compile(r"^[0-9][0-9W-]{0,15}$")  # stored dates may be partial ("2022-06")
SORTS = ("-date", "date")  # newest first (the default), oldest first; undated events come last


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last event's date (None when undated) and id."""

    date: str | None
    id: str

    def encode(self) -> str:
        raw = json.dumps([self.date, self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            day, ident = json.loads(raw)
            if not isinstance(ident, str) or not _CURSOR_ID.match(ident) or not (
                    day is None or (isinstance(day, str) and _CURSOR_DATE.match(day))):
                raise ValueError("not a [date, id] pair")
        except (ValueError, TypeError) as exc:
            raise InputError(f"expected a cursor returned by a previous page, found {value[:40]!r}",
                             where="cursor") from exc
        return cls(day, ident)


@dataclass(frozen=True)
class StoredEvent:
    """An event as the store keeps it: its PLOVER record as JSON text (without sources) and its
    sources. A page of them can be answered without decoding and re-encoding every record."""

    id: str
    date: str | None
    record: str
    sources: list[str]

    def event(self) -> Event:
        return rows.event_from_row(self.record, self.sources)

    def json(self) -> str:
        """``Event.to_dict()`` as JSON text: the stored record (a JSON object) with its sources last."""
        return f'{self.record[:-1]},"sources":{json.dumps(self.sources)}}}'


@dataclass(frozen=True)
class EventPage:
    items: list[StoredEvent]
    next_cursor: str | None

    @property
    def events(self) -> list[Event]:
        return [item.event() for item in self.items]


@dataclass(frozen=True)
class ArticleView:
    """An article with the spans found in it (the Extraction's mention lists) and its events."""

    article: Article
    mentions: dict[str, list[dict[str, Any]]]
    events: list[Event]


@dataclass(frozen=True)
class Count:
    key: str
    count: int


def event_page(store: Store, query: EventQuery, *, cursor: str | None = None, sort: str = "-date") -> EventPage:
    """One page of ``query.limit`` events after ``cursor`` in the order ``sort``."""
    if sort not in SORTS:
        raise InputError(f"expected sort to be one of {list(SORTS)}, found {sort!r}", where="sort")
    limit = query.limit if query.limit is not None else 100
    after = Cursor.decode(cursor) if cursor else None
    shape = bound_shape(query)

    def base() -> Select[Any]:
        return event_select(replace(query, limit=None), store.dialect).order_by(None).add_columns(events.c.date)

    def run() -> EventPage:
        with store.connect() as connection:
            found: list[tuple[Any, ...]] = []
            if after is None or after.date is not None:
                if shape is not None:  # the common filters: a statement built once, values bound
                    values: dict[str, Any] = {**bound_values(query), "limit": limit + 1}
                    if after is not None:
                        values.update(after_date=after.date, after_id=after.id)
                    ordered = _dated_page(shape, sort, after is not None)
                else:
                    ordered, values = _dated_built(base(), sort, after, limit), {}
                found = [tuple(r) for r in connection.execute(ordered, values).all()]
            # the undated tail, by id (a date range holds no undated event: no query to run)
            if len(found) <= limit and not (query.since or query.until):
                undated = base().where(events.c.date.is_(None))
                if after is not None and after.date is None:
                    undated = undated.where(events.c.id > after.id)
                rest = limit + 1 - len(found)
                found += [tuple(r) for r in connection.execute(undated.order_by(events.c.id).limit(rest)).all()]
            page = found[:limit]
            sources = sources_of(connection, [r[0] for r in page])
        built = [StoredEvent(ident, day, record, sources.get(ident, [])) for ident, record, day in page]
        nxt = Cursor(built[-1].date, built[-1].id).encode() if len(found) > limit and built else None
        return EventPage(built, nxt)

    return store._guard(run, "read a page of events")


def _dated_built(base: Select[Any], sort: str, after: Cursor | None, limit: int) -> Select[Any]:
    """The dated rows of a page after ``after``, built for this query (any filter)."""
    dated = base.where(events.c.date.is_not(None))
    if after is not None:
        newer = events.c.date < after.date if sort == "-date" else events.c.date > after.date
        dated = dated.where(or_(newer, and_(events.c.date == after.date, events.c.id > after.id)))
    order = events.c.date.desc() if sort == "-date" else events.c.date.asc()
    return dated.order_by(order, events.c.id).limit(limit + 1)


@lru_cache(maxsize=4 * 2 ** len(BOUND_FILTERS))  # every shape, both sorts, with and without a cursor
def _dated_page(shape: tuple[str, ...], sort: str, after: bool) -> Select[Any]:
    """_dated_built for the filters of ``shape``, with the values, the cursor and the limit bound:
    built and compiled once, so a page costs its execution rather than SQLAlchemy's construction."""
    dated = select(events.c.id, events.c.record, events.c.date).where(*bound_terms(shape), events.c.date.is_not(None))
    if after:
        day, ident = bindparam("after_date", type_=String), bindparam("after_id", type_=String)
        newer = events.c.date < day if sort == "-date" else events.c.date > day
        dated = dated.where(or_(newer, and_(events.c.date == day, events.c.id > ident)))
    order = events.c.date.desc() if sort == "-date" else events.c.date.asc()
    return dated.order_by(order, events.c.id).limit(bindparam("limit", type_=Integer))


def iter_events(store: Store, query: EventQuery, page: int = 1000) -> Iterator[Event]:
    """Every event of ``query`` (its limit ignored), newest first, read ``page`` at a time so that
    a download of the whole store never holds it in memory."""
    cursor = None
    while True:
        found = event_page(store, replace(query, limit=page), cursor=cursor)
        yield from found.events
        if found.next_cursor is None:
            return
        cursor = found.next_cursor


def _events(connection: Connection, found: Sequence[tuple[Any, ...]]) -> list[Event]:
    """Events from (id, record) rows, with their sources, in the rows' order."""
    sources = sources_of(connection, [r[0] for r in found])
    return [rows.event_from_row(record, sources.get(ident, [])) for ident, record in found]


# Statements of the one-event answer, built once: only their values change between requests.
_ONE_EVENT = select(events.c.id, events.c.record).where(events.c.id == bindparam("id"))
_ARTICLES = select(articles).where(articles.c.id.in_(bindparam("ids", expanding=True)))


def one_event(store: Store, event_id: str) -> Event | None:
    def run() -> Event | None:
        with store.connect() as connection:
            row = connection.execute(_ONE_EVENT, {"id": event_id}).first()
            return _events(connection, [tuple(row)])[0] if row else None

    return store._guard(run, "read an event")


def articles_by_id(store: Store, ids: Iterable[str]) -> dict[str, Article]:
    wanted = list(dict.fromkeys(ids))

    def run() -> dict[str, Article]:
        out: dict[str, Article] = {}
        with store.connect() as connection:
            for chunk in _chunks(wanted):
                for row in connection.execute(_ARTICLES, {"ids": chunk}).all():
                    out[row.id] = rows.article_from_row(row)
        return out

    return store._guard(run, "read articles")


def article_view(store: Store, article_id: str) -> ArticleView | None:
    """The article, its mention spans and every event it reports (first source or a later one)."""
    def run() -> ArticleView | None:
        with store.connect() as connection:
            row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
            if row is None:
                return None
            reported = select(event_sources.c.event_id).where(event_sources.c.article_id == article_id)
            q = (select(events.c.id, events.c.record).where(events.c.id.in_(reported))
                 .order_by(events.c.date.desc(), events.c.id))
            found = [tuple(r) for r in connection.execute(q)]
            return ArticleView(rows.article_from_row(row), json.loads(row.mentions), _events(connection, found))

    return store._guard(run, "read an article")


def _counts(store: Store, q: Select[Any], doing: str) -> list[tuple[Any, ...]]:
    def run() -> list[tuple[Any, ...]]:
        with store.connect() as connection:
            return [tuple(r) for r in connection.execute(q).all()]

    return store._guard(run, doing)


def filtered(query: EventQuery, dialect: str) -> Any:
    """The filtered events as a subquery (every column), for the aggregates below."""
    q = event_select(replace(query, limit=None), dialect).order_by(None)
    return q.with_only_columns(*events.c).subquery()


def day_type_counts(store: Store, query: EventQuery, *, months: bool = False) -> list[tuple[str, str, int]]:
    """(date, event type, count) of the filtered dated events: the timeline buckets them.

    With ``months`` the date is its month ("2022-06", or the year alone when that is all it has):
    summed in SQL over the per-day groups, so a monthly timeline reads a few hundred rows rather
    than thousands. A filter of dates and type alone reads the per-day rollup (a few thousand rows
    for the whole store); any other filter groups its events, which the (actor, date, type) and
    (actor, type, date) indexes answer without touching the table. A monthly count of one actor's
    or recipient's events reads whole months from their rollups (role_months.py)."""
    if months and (by_role := role_months.month_counts(store, query)) is not None:
        return by_role
    if _only(query, "since", "until", "type"):
        r = event_day_counts
        per_day = select(r.c.date, r.c.event, r.c.n).where(*_date_type_terms(r.c.date, r.c.event, query))
    else:
        # the filter's terms on the table itself: a subquery of every column would build a proxy
        # per column on each request, only for two of them to be read
        terms = event_select(replace(query, limit=None), store.dialect).whereclause
        per_day = (select(events.c.date, events.c.event, func.count().label("n"))
                   .where(*([] if terms is None else [terms]), events.c.date.is_not(None))
                   .group_by(events.c.date, events.c.event))
    days = per_day.subquery()
    if months:
        month = func.substr(days.c.date, 1, 7)
        q = (select(month, days.c.event, func.sum(days.c.n)).group_by(month, days.c.event)
             .order_by(month, days.c.event))
    else:
        q = select(days.c.date, days.c.event, days.c.n).order_by(days.c.date, days.c.event)
    return [(str(d), str(t), int(n)) for d, t, n in _counts(store, q, "count events per day")]


def _only(query: EventQuery, *allowed: str) -> bool:
    """Whether ``query`` filters on nothing but ``allowed`` (its limit aside)."""
    return all(getattr(query, f.name) is None for f in fields(EventQuery) if f.name not in (*allowed, "limit"))


def _date_type_terms(date: Any, event: Any, query: EventQuery) -> list[Any]:
    """The since/until/type terms of query.event_select, on another table's columns."""
    terms = []
    if query.since:
        terms.append(date >= query.since)
    if query.until:
        terms.append(date <= query.until + "\uffff")  # a partial date inside the range counts
    if query.type:
        terms.append(event == query.type.upper())
    return terms


@dataclass(frozen=True)
class PlaceCount:
    place: str
    country: str | None
    count: int
    lat: float | None
    lon: float | None


def place_counts(store: Store, query: EventQuery, limit: int = 500) -> list[PlaceCount]:
    """Events per resolved place (most first), with the place's coordinates from one of its events.
    Unfiltered (the UI's first map), the counts come from the place rollup, not a scan."""
    if _only(query):
        r = event_place_counts
        q = (select(r.c.place, func.nullif(r.c.country, ""), r.c.n, r.c.sample_id)
             .order_by(r.c.n.desc(), r.c.place, r.c.country).limit(limit))
    else:
        f = filtered(query, store.dialect)
        q = (select(f.c.place, f.c.country, func.count(), func.min(f.c.id)).where(f.c.place.is_not(None))
             .group_by(f.c.place, f.c.country).order_by(func.count().desc(), f.c.place).limit(limit))
    found = _counts(store, q, "count events per place")
    records = dict(_counts(store, select(events.c.id, events.c.record).where(
        events.c.id.in_([r[3] for r in found])), "read place coordinates")) if found else {}
    out = []
    for place, country, n, sample in found:
        loc = json.loads(records.get(sample, "{}")).get("event_loc") or {}
        out.append(PlaceCount(place, country, int(n), loc.get("lat"), loc.get("lon")))
    return out


def actor_counts(store: Store, query: EventQuery, limit: int = 100) -> list[tuple[str, int, int]]:
    """(code, events as actor, events as recipient) of the filtered events, busiest first."""
    f = filtered(query, store.dialect)
    as_actor = dict(_counts(store, select(f.c.actor_code, func.count()).where(f.c.actor_code.is_not(None))
                            .group_by(f.c.actor_code), "count actors"))
    as_target = dict(_counts(store, select(f.c.recipient_code, func.count()).where(
        f.c.recipient_code.is_not(None)).group_by(f.c.recipient_code), "count recipients"))
    codes = sorted(set(as_actor) | set(as_target), key=lambda c: (-(as_actor.get(c, 0) + as_target.get(c, 0)), c))
    return [(c, int(as_actor.get(c, 0)), int(as_target.get(c, 0))) for c in codes[:limit]]


@dataclass(frozen=True)
class ActorSummary:
    code: str
    as_actor: int
    as_recipient: int
    types_as_actor: list[Count]
    types_as_recipient: list[Count]
    counterparts: list[tuple[str, int, int]]  # (code, events towards it, events from it)


def actor_summary(store: Store, code: str, limit: int = 20) -> ActorSummary:
    """How often ``code`` acts and is acted on, by event type, and with whom (counterparts)."""
    code = code.upper()

    def grouped(column: Any, where: Any) -> list[tuple[Any, ...]]:
        q = (select(column, func.count()).where(where, column.is_not(None)).group_by(column)
             .order_by(func.count().desc(), column))
        return _counts(store, q, f"count the events of {code}")

    as_actor = events.c.actor_code == code
    as_target = events.c.recipient_code == code
    towards = dict(grouped(events.c.recipient_code, as_actor))
    from_ = dict(grouped(events.c.actor_code, as_target))
    partners = sorted(set(towards) | set(from_), key=lambda c: (-(towards.get(c, 0) + from_.get(c, 0)), c))
    types_a = [Count(str(k), int(n)) for k, n in grouped(events.c.event, as_actor)]
    types_r = [Count(str(k), int(n)) for k, n in grouped(events.c.event, as_target)]
    return ActorSummary(code=code, as_actor=sum(c.count for c in types_a), as_recipient=sum(c.count for c in types_r),
                        types_as_actor=types_a, types_as_recipient=types_r,
                        counterparts=[(c, int(towards.get(c, 0)), int(from_.get(c, 0))) for c in partners[:limit]])


_VERSION = select(func.coalesce(func.max(articles.c.pk), 0))  # built once: it is read for every request


def store_version(store: Store) -> int:
    """The highest article pk: it grows whenever an ingest adds an article (nothing deletes one)."""
    return int(_counts(store, _VERSION, "read the store version")[0][0])


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]
