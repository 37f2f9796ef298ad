# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""The monthly rollups per actor and recipient (migration 0008) equal a grouping of the events
under inserts, repeated batches, deletes and updates, and an actor's monthly timeline read from
them equals the count of the events in any date range (partial dates and cut months included)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from chronique.schema import EventActor, Extraction
from chronique.settings import Settings
from chronique.store import engine as engines
from chronique.store import role_months, views
from chronique.store.query import EventQuery
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import db_url, make_extraction, store  # noqa: F401  (fixtures)

ACTORS = ("RUS", "FRA", "UKR", None)
TYPES = ("AGREE", "CONSULT", "ACCUSE")
ROLLUP = "SELECT code, month, event, n FROM {table} ORDER BY code, month, event"
GROUPED = ("SELECT {column}, substr(date, 1, 7), event, count(*) FROM events "
           "WHERE {column} IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
ROLES = (("event_actor_month_counts", "actor_code"), ("event_recipient_month_counts", "recipient_code"))


def dated(n: int) -> str | None:
    """Days over three years, with a month alone (every 9th), a year alone (every 13th) or no date
    (every 17th) between them."""
    if n % 17 == 0:
        return None
    if n % 13 == 0:
        return str(2021 + n % 3)
    month = f"{2021 + n % 3}-{1 + (n * 5) % 12:02d}"
    return month if n % 9 == 0 else f"{month}-{1 + (n * 7) % 28:02d}"


def varied(n: int) -> Extraction:
    """Article ``n``: one event of an actor and a recipient (or none), a type and a date of its own."""
    x = make_extraction(n)
    e = x.events[0]
    actor, recipient = ACTORS[n % 4], ACTORS[(n // 4) % 4]
    e = replace(e, event=TYPES[n % 3], date=dated(n), date_precision="day" if dated(n) else None,
                actor=EventActor(code=actor, entity_text=actor) if actor else None,
                recipient=EventActor(code=recipient, entity_text=recipient) if recipient else None)
    return replace(x, events=(e,))


def rows(s: Store, sql: str) -> list[tuple[Any, ...]]:
    with s.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def assert_rollups_exact(s: Store) -> None:
    for table, column in ROLES:
        assert rows(s, ROLLUP.format(table=table)) == rows(s, GROUPED.format(column=column))


def counted(s: Store, query: EventQuery) -> list[tuple[str, str, int]]:
    """(month, type, n) of the query's dated events, counted here from every stored event with the
    store's string comparison of dates (a partial date inside the range counts)."""
    out: dict[tuple[str, str], int] = {}
    for e in s.events(EventQuery(limit=None)):
        actor, recipient = (e.actor.code if e.actor else None), (e.recipient.code if e.recipient else None)
        if not e.date or (query.actor and actor != query.actor) or (query.recipient and recipient != query.recipient):
            continue
        if (query.type and e.event != query.type) or (query.since and e.date < query.since) or (
                query.until and e.date > query.until + "\uffff"):
            continue
        key = (e.date[:7], e.event)
        out[key] = out.get(key, 0) + 1
    return [(m, t, n) for (m, t), n in sorted(out.items())]


def test_rollups_follow_inserts_and_ignore_a_repeated_batch(store: Store) -> None:
    store.write([varied(n) for n in range(80)])
    store.write([varied(n) for n in range(60, 120)])  # twenty articles already stored: counted once
    assert sum(r[3] for r in rows(store, ROLLUP.format(table="event_actor_month_counts"))) == len(
        [n for n in range(120) if dated(n) and ACTORS[n % 4]])
    assert_rollups_exact(store)


def test_rollups_follow_deletes_and_updates(store: Store) -> None:
    store.write([varied(n) for n in range(90)])
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM event_sources WHERE event_id IN "
                                "(SELECT id FROM events WHERE event = 'ACCUSE')"))
        connection.execute(text("DELETE FROM events WHERE event = 'ACCUSE'"))  # several rows in one statement
    assert_rollups_exact(store)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE events SET actor_code = 'DEU', date = '2020-02-02' WHERE actor_code = 'RUS'"))
        connection.execute(text("UPDATE events SET recipient_code = NULL WHERE recipient_code = 'FRA'"))
        connection.execute(text("UPDATE events SET date = NULL WHERE event = 'AGREE' AND actor_code = 'UKR'"))
        connection.execute(text("UPDATE events SET confidence = 0.5"))  # no counted column: nothing moves
    assert_rollups_exact(store)
    assert ("DEU", "2020-02") in {(r[0], r[1]) for r in rows(store, ROLLUP.format(table="event_actor_month_counts"))}


def test_migration_fills_the_rollups_from_events_stored_before_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    engines.upgrade(engine, "0007")
    engine.dispose()
    old = Store.open(Settings(database_url=url), migrate=False)
    old.write([varied(n) for n in range(50)])
    old.close()
    with Store.open(Settings(database_url=url)) as s:
        assert len(rows(s, ROLLUP.format(table="event_actor_month_counts"))) > 10
        assert_rollups_exact(s)
        s.write([varied(n) for n in range(50, 70)])  # and the triggers keep them afterwards
        assert_rollups_exact(s)


RANGES = [(None, None), ("2021-03-15", "2023-02-10"), ("2021-03-01", "2021-04-30"), ("2021-12-31", "2022-01-01"),
          ("2022-05-20", None), (None, "2022-08-03"), ("2021-01-01", "2023-12-31"), ("2022-02-28", "2022-11-01")]


@pytest.mark.parametrize(("since", "until"), RANGES)
def test_monthly_counts_of_a_role_equal_the_events_of_its_range(store: Store, since: str | None,
                                                                until: str | None) -> None:
    store.write([varied(n) for n in range(150)])
    for query in (EventQuery(actor="RUS", since=since, until=until), EventQuery(actor="fra", since=since, until=until),
                  EventQuery(recipient="UKR", since=since, until=until),
                  EventQuery(actor="UKR", type="CONSULT", since=since, until=until),
                  EventQuery(actor="XXX", since=since, until=until)):
        assert role_months.role_of(query) == ("actor" if query.actor else "recipient")
        expected = counted(store, replace(query, actor=query.actor and query.actor.upper()))
        assert role_months.month_counts(store, query) == expected
        assert views.day_type_counts(store, query, months=True) == expected


def test_other_queries_are_left_to_the_grouping_of_events() -> None:
    for query in (EventQuery(), EventQuery(actor="RUS", recipient="UKR"), EventQuery(actor="RUS", country="UKR"),
                  EventQuery(actor="RUS", text="accord"), EventQuery(actor="RUS", cameo="03"),
                  EventQuery(actor="RUS", place="Kyiv"),
                  EventQuery(actor="RUS", since="2022-03-02", until="2022-03-30"),  # inside one month
                  EventQuery(actor="RUS", since="2022-05-01", until="2022-03-30")):  # an empty range
        assert role_months.role_of(query) is None
