"""The rollups behind the whole-store timeline and map (migration 0007) agree with a count of
the stored events, and a read inside Store.reading() uses one connection."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text

from chronique.schema import EventLocation, Extraction
from chronique.settings import Settings
from chronique.store import engine as engines
from chronique.store import views
from chronique.store.query import EventQuery
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import db_url, make_extraction, store  # noqa: F401  (fixtures)

DAYS = "SELECT date, event, n FROM event_day_counts ORDER BY date, event"
DAYS_SCANNED = ("SELECT date, event, count(*) FROM events WHERE date IS NOT NULL "
                "GROUP BY date, event ORDER BY date, event")
PLACES = "SELECT place, country, n, sample_id FROM event_place_counts ORDER BY place, country"
PLACES_SCANNED = ("SELECT place, coalesce(country, ''), count(*), min(id) FROM events WHERE place IS NOT NULL "
                  "GROUP BY place, coalesce(country, '') ORDER BY 1, 2")


def varied(n: int) -> Extraction:
    """Article ``n`` with its event undated (every 5th), placed without a country (every 7th) or
    without a place (every 11th), beside the plain ones."""
    x = make_extraction(n)
    e = x.events[0]
    if n % 5 == 0:
        e = replace(e, date=None, date_precision=None)
    if n % 7 == 0:
        e = replace(e, event_loc=EventLocation(extracted_place="Brest", resolved_place="Brest", resolution=4))
    if n % 11 == 0:
        e = replace(e, event_loc=None)
    return replace(x, events=(e,))


def rows(s: Store, sql: str) -> list[tuple[Any, ...]]:
    with s.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def test_rollups_follow_every_insert_and_ignore_a_repeated_batch(store: Store) -> None:  # noqa: F811
    store.write([varied(n) for n in range(40)])
    store.write([varied(n) for n in range(30, 70)])  # ten articles already stored: counted once
    assert sum(r[2] for r in rows(store, DAYS)) == len([n for n in range(70) if n % 5])
    assert rows(store, DAYS) == rows(store, DAYS_SCANNED)
    assert rows(store, PLACES) == rows(store, PLACES_SCANNED)
    brest = [n for n in range(70) if n % 7 == 0 and n % 11]
    assert ("Brest", "", len(brest), min(varied(n).events[0].id for n in brest)) in rows(store, PLACES)


def test_migration_fills_the_rollups_from_events_stored_before_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    engines.upgrade(engine, "0006")
    engine.dispose()
    old = Store.open(Settings(database_url=url), migrate=False)
    old.write([varied(n) for n in range(25)])
    old.close()
    with Store.open(Settings(database_url=url)) as s:
        assert len(rows(s, DAYS)) > 5
        assert rows(s, DAYS) == rows(s, DAYS_SCANNED)
        assert rows(s, PLACES) == rows(s, PLACES_SCANNED)


def scanned_days(s: Store, query: EventQuery) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for e in s.events(replace(query, limit=None)):
        if e.date:
            out[(e.date, e.event)] = out.get((e.date, e.event), 0) + 1
    return out


def test_timeline_counts_read_from_the_rollup_match_the_events(store: Store) -> None:  # noqa: F811
    store.write([varied(n) for n in range(60)])
    for query in (EventQuery(), EventQuery(since="2022-03-01", until="2022-08-31"), EventQuery(type="aid"),
                  EventQuery(actor="RUS", since="2022-02-01")):  # the last one is counted from events
        counted = {(d, t): n for d, t, n in views.day_type_counts(store, query)}
        assert counted == scanned_days(store, query)
    months = views.day_type_counts(store, EventQuery(type="CONSULT"), months=True)
    assert sum(n for _, _, n in months) == sum(scanned_days(store, EventQuery(type="CONSULT")).values())
    assert all(len(m) == 7 for m, _, _ in months)


def test_unfiltered_map_counts_match_a_filtered_one_of_the_same_events(store: Store) -> None:  # noqa: F811
    store.write([varied(n) for n in range(60)])
    whole = views.place_counts(store, EventQuery())  # the rollup
    scanned = views.place_counts(store, EventQuery(since="1900-01-01"))  # dated events only, by a scan
    undated_placed = [n for n in range(60) if n % 5 == 0 and n % 11]
    assert undated_placed and sum(p.count for p in whole) == sum(p.count for p in scanned) + len(undated_placed)
    brest = next(p for p in whole if p.place == "Brest")
    assert brest.country is None and brest.count == len([n for n in range(60) if n % 7 == 0 and n % 11])


def test_reads_inside_reading_share_one_connection(store: Store) -> None:  # noqa: F811
    store.write([varied(n) for n in range(12)])
    checkouts: list[object] = []
    event.listen(store.engine, "checkout", lambda *args: checkouts.append(args))
    with store.reading():
        page = views.event_page(store, EventQuery(limit=3))
        assert views.one_event(store, page.items[0].id) is not None
        views.day_type_counts(store, EventQuery(actor="FRA"))
        views.place_counts(store, EventQuery(country="DEU"))
        with store.connect() as a, store.connect() as b:
            assert a is b
    assert len(checkouts) == 1
    views.event_page(store, EventQuery(limit=3))
    views.event_page(store, EventQuery(limit=2))
    assert len(checkouts) == 3
