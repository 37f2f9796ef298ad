"""Filtered event queries: typed options → one SELECT that the indexes of tables.py serve."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, column, or_, select

from chronique.errors import UsageError
from chronique.store import fts
from chronique.store.tables import articles, event_sources, events
from chronique.textclean import encodable


@dataclass(frozen=True)
class EventQuery:
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    actor: str | None = None  # actor code (RUS, NATO…)
    recipient: str | None = None
    type: str | None = None  # PLOVER event type (AGREE…)
    cameo: str | None = None  # a CAMEO code or its prefix ("03" covers 030–0394)
    country: str | None = None  # country code of the event's place
    place: str | None = None  # place name, case-insensitive substring
    text: str | None = None  # full-text query on the text of the articles that report the event
    limit: int | None = 100

    def __post_init__(self) -> None:
        for name in ("since", "until", "actor", "recipient", "type", "cameo", "country", "place", "text"):
            value = getattr(self, name)
            if isinstance(value, str) and not encodable(value):  # undecodable bytes in a shell argument
                raise UsageError(f"expected UTF-8 text, found undecodable bytes in {value!r}", where=f"--{name}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError as exc:
                    raise UsageError(f"expected a date as YYYY-MM-DD, found {value!r}", where=f"--{name}") from exc
        if self.limit is not None and self.limit < 0:
            raise UsageError(f"expected a limit >= 0, found {self.limit}", where="--limit")


# A full-text query matching more articles than this is served by walking the events newest first
# and keeping those reported by a matching article (it stops after ``limit`` hits); a rarer one
# by the IN-list plan, whose cost grows with the number of matches.
WALK_THRESHOLD = 500


def walk_select(query: EventQuery) -> Select[Any]:
    """The ids of events with every filter but the text, newest first (the date indexes serve
    the order, so rows stream without a sort of the whole table)."""
    return event_select(replace(query, text=None, limit=None), "").with_only_columns(events.c.id)


def walk_join_select(query: EventQuery) -> Select[Any]:
    """(event id, pk of a reporting article) for events with every filter but the text, newest
    first: with a selective filter (actor…) its index serves the order and the join stays small."""
    return (walk_select(query).add_columns(event_sources.c.article_pk)
            .join(event_sources, event_sources.c.event_id == events.c.id))


def event_select(query: EventQuery, dialect: str) -> Select[tuple[str, str]]:
    """The ids and JSON records of matching events, newest first, ties broken by id."""
    q = select(events.c.id, events.c.record)
    q = q.where(*(_plain_term(name, value) for name, value in bound_values(query).items()))
    if query.cameo:
        q = q.where(or_(events.c.cameo == query.cameo, events.c.cameo.startswith(query.cameo, autoescape=True)))
    if query.place:
        q = q.where(events.c.place.ilike(f"%{query.place}%"))
    if query.text:
        matching = fts.matching_pks(dialect, query.text).columns(column("pk", Integer)).subquery()
        reported = (select(event_sources.c.event_id)
                    .join(articles, articles.c.id == event_sources.c.article_id)
                    .where(articles.c.pk.in_(select(matching.c.pk))))
        q = q.where(events.c.id.in_(reported))
    q = q.order_by(events.c.date.desc(), events.c.id)
    if query.limit is not None:
        q = q.limit(query.limit)
    return q


# Filters whose terms are plain comparisons (event_select compares with their values; bound_terms with
# parameters):
# a page filtered on these alone is served by a statement built once per set of filters present.
BOUND_FILTERS = ("since", "until", "actor", "recipient", "type", "country")


def bound_shape(query: EventQuery) -> tuple[str, ...] | None:
    """The BOUND_FILTERS that ``query`` sets, in that order; None when it sets another filter."""
    if query.cameo or query.place or query.text:
        return None
    return tuple(name for name in BOUND_FILTERS if getattr(query, name))


def bound_values(query: EventQuery) -> dict[str, str]:
    """The normalised values of the BOUND_FILTERS that ``query`` sets (event_select compares with them
    directly, ``bound_terms`` through parameters). Dates may be partial ("2022-06"): ``until`` is
    compared on the prefix, so a month inside the range counts."""
    values = {"since": query.since, "until": query.until + "\uffff" if query.until else None,
              "actor": query.actor and query.actor.upper(), "recipient": query.recipient and query.recipient.upper(),
              "type": query.type and query.type.upper(), "country": query.country and query.country.upper()}
    return {name: value for name, value in values.items() if value}


_FILTER_COLUMNS = {"since": events.c.date, "until": events.c.date, "actor": events.c.actor_code,
                   "recipient": events.c.recipient_code, "type": events.c.event, "country": events.c.country}


def _plain_term(name: str, value: Any) -> ColumnElement[bool]:
    """The comparison of one of BOUND_FILTERS with ``value`` (a literal or a bound parameter)."""
    column_ = _FILTER_COLUMNS[name]
    if name == "since":
        return column_ >= value
    return column_ <= value if name == "until" else column_ == value


def bound_terms(shape: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """event_select's terms for the filters of ``shape``, each comparing with a parameter of its name."""
    return [_plain_term(name, bindparam(name)) for name in shape]
