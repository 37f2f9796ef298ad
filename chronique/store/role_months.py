"""An actor's (or a recipient's) events per month and type, from the monthly rollups of migration 0008.

The monthly timeline of one actor over a date range is the API's most expensive computed answer
when it groups the actor's events. Here the range's whole months are read from the rollup (one
row per month and type) and only its first and last months, which the range may cut, are grouped
from the events, so the counts equal those of views.day_type_counts' grouping for any range.

Stored dates are compared as strings (a partial "2022-06" lies inside a range that covers it, as
in query.event_select). With ``low = since[:7]`` and ``high = until[:7]``, a date whose month key
``m = date[:7]`` satisfies ``low < m < high`` is inside the range whatever its length, and a date
of the range outside that is ``>= since`` with the month ``low``, or ``>= high`` and ``<= until``:
the two edges read from the events, disjoint from the rollup's part and from each other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Select, String, Table, bindparam, func, select, union_all

from chronique.store.query import EventQuery
from chronique.store.store import Store
from chronique.store.tables import event_actor_month_counts, event_recipient_month_counts, events

ROLES: dict[str, tuple[Table, Any]] = {
    "actor": (event_actor_month_counts, events.c.actor_code),
    "recipient": (event_recipient_month_counts, events.c.recipient_code),
}
_OTHERS = ("cameo", "country", "place", "text")
_TOP = "\uffff"  # above every character of a stored date: "x" + _TOP bounds the strings starting with x


def role_of(query: EventQuery) -> str | None:
    """"actor" or "recipient" when ``query`` filters on that code alone, with at most dates and a
    type besides, over a range of two months or more; None for any other query."""
    roles = [name for name in ROLES if getattr(query, name)]
    if len(roles) != 1 or any(getattr(query, name) for name in _OTHERS):
        return None
    if query.since and query.until and query.since[:7] >= query.until[:7]:
        return None  # one month or an empty range: nothing whole to read from the rollup
    return roles[0]


Shape = tuple[str, bool, bool, bool]  # the role, and whether since, until and type are set


def bound(query: EventQuery) -> tuple[Shape, dict[str, str]] | None:
    """The shape of ``query``'s statement (statement(shape)) and its values; None when role_of(query)
    is None."""
    role = role_of(query)
    if role is None:
        return None
    values: dict[str, str] = {"code": getattr(query, role).upper()}
    if query.since:
        values.update(since=query.since, low=query.since[:7], low_end=query.since[:7] + _TOP)
    if query.until:
        values.update(high=query.until[:7], until_end=query.until + _TOP)
    if query.type:
        values["type"] = query.type.upper()
    return (role, bool(query.since), bool(query.until), bool(query.type)), values


def month_counts(store: Store, query: EventQuery) -> list[tuple[str, str, int]] | None:
    """(month, event type, count) of ``query``'s dated events in (month, type) order, as
    views.day_type_counts(months=True) counts them; None when role_of(query) is None."""
    found = bound(query)
    if found is None:
        return None
    shape, values = found

    def run() -> list[tuple[str, str, int]]:
        with store.connect() as connection:
            return [(str(m), str(t), int(n)) for m, t, n in connection.execute(statement(shape), values).all()]

    return store._guard(run, f"count the events of {values['code']} per month")


@lru_cache(maxsize=2 * 8)  # each role × since, until and type present or not
def statement(shape: Shape) -> Select[Any]:
    """The statement for a query of this shape, values bound: built and compiled once."""
    role, since, until, type_ = shape
    rollup, code = ROLES[role]
    whole = select(rollup.c.month.label("month"), rollup.c.event.label("event"), rollup.c.n.label("n")).where(
        rollup.c.code == bindparam("code"),
        *([rollup.c.month > bindparam("low", type_=String)] if since else []),
        *([rollup.c.month < bindparam("high", type_=String)] if until else []),
        *([rollup.c.event == bindparam("type")] if type_ else []))
    month = func.substr(events.c.date, 1, 7)

    def edge(*terms: Any) -> Select[Any]:
        return (select(month.label("month"), events.c.event.label("event"), func.count().label("n"))
                .where(code == bindparam("code"), *terms, *([events.c.event == bindparam("type")] if type_ else []))
                .group_by(month, events.c.event))

    parts = [whole]
    if since:  # the first month, from ``since`` on
        parts.append(edge(events.c.date >= bindparam("since", type_=String),
                          events.c.date < bindparam("low_end", type_=String)))
    if until:  # the last month, up to ``until`` (a partial date of that month included)
        parts.append(edge(events.c.date >= bindparam("high", type_=String),
                          events.c.date <= bindparam("until_end", type_=String)))
    both = union_all(*parts).subquery()
    return (select(both.c.month, both.c.event, func.sum(both.c.n)).group_by(both.c.month, both.c.event)
            .order_by(both.c.month, both.c.event))
