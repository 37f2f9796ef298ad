# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""The day and place rollups (0007, kept under changes by 0009) equal a grouping of the events
after deletes, updates, upserts and PostgreSQL's MERGE, not only after inserts; the place's sample
is its smallest remaining event id."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from chronique.schema import EventLocation, Extraction
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import db_url, make_extraction, store  # noqa: F401  (fixtures)

PLACES = (("Kyiv", "UKR"), ("Paris", "FRA"), ("Lyon", "FRA"), ("Somewhere", None), (None, None))
DAYS = "SELECT date, event, n FROM event_day_counts ORDER BY date, event"
DAYS_GROUPED = "SELECT date, event, count(*) FROM events WHERE date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
PLACES_ROLLUP = "SELECT place, country, n, sample_id FROM event_place_counts ORDER BY place, country"
PLACES_GROUPED = ("SELECT place, coalesce(country, ''), count(*), min(id) FROM events WHERE place IS NOT NULL "
                  "GROUP BY 1, 2 ORDER BY 1, 2")


def placed(n: int) -> Extraction:
    """Article ``n`` with its one event at a place of PLACES (or none), on one of a few days."""
    x = make_extraction(n)
    place, country = PLACES[n % len(PLACES)]
    loc = EventLocation(extracted_place=place, resolved_place=place, country_code=country) if place else None
    day = None if n % 11 == 0 else f"2023-0{1 + n % 3}-1{n % 4}"
    return replace(x, events=(replace(x.events[0], event_loc=loc, date=day, date_precision="day" if day else None),))


def rows(s: Store, sql: str) -> list[tuple[Any, ...]]:
    with s.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def run(s: Store, *statements: str) -> None:
    with s.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def assert_exact(s: Store) -> None:
    assert rows(s, DAYS) == rows(s, DAYS_GROUPED)
    assert rows(s, PLACES_ROLLUP) == rows(s, PLACES_GROUPED)


def smallest_at(s: Store, place: str) -> str:
    return str(rows(s, f"SELECT min(id) FROM events WHERE place = '{place}'")[0][0])


def unlink(ids_sql: str) -> str:
    return f"DELETE FROM event_sources WHERE event_id IN ({ids_sql})"


def test_rollups_follow_deletes_including_each_place_sample(store: Store) -> None:
    store.write([placed(n) for n in range(60)])
    assert_exact(store)
    sample = smallest_at(store, "Paris")
    gone = f"SELECT id FROM events WHERE id = '{sample}' OR place = 'Lyon' OR event = 'ACCUSE'"
    run(store, unlink(gone), f"DELETE FROM events WHERE id IN ({gone})")  # several rows in one statement
    assert_exact(store)
    assert smallest_at(store, "Paris") > sample  # the map's sample moved to the next smallest id
    assert "Lyon" not in {r[0] for r in rows(store, PLACES_ROLLUP)}  # a count that reaches 0 is gone


def test_rollups_follow_updates_of_every_counted_column(store: Store) -> None:
    store.write([placed(n) for n in range(60)])
    kyiv = smallest_at(store, "Kyiv")
    run(store,
        "UPDATE events SET date = '2019-05-05' WHERE place = 'Paris'",
        "UPDATE events SET place = 'Lviv' WHERE place = 'Kyiv' AND date > '2023-02'",
        f"UPDATE events SET place = 'Odesa' WHERE id = '{kyiv}'",  # the sample itself moves away
        "UPDATE events SET country = NULL WHERE place = 'Lyon'",
        "UPDATE events SET event = 'ACCUSE', date = NULL WHERE place = 'Somewhere'",
        "UPDATE events SET place = 'Kyiv', country = 'UKR' WHERE place IS NULL AND date IS NOT NULL",
        "UPDATE events SET confidence = 0.5")  # no counted column: nothing moves
    assert_exact(store)
    assert "2019-05-05" in {r[0] for r in rows(store, DAYS)}
    assert {"Lviv", "Odesa"} <= {r[0] for r in rows(store, PLACES_ROLLUP)}


def test_an_upsert_that_rewrites_an_event_keeps_them_exact(store: Store) -> None:
    """ON CONFLICT … DO UPDATE (SQLite and PostgreSQL) fires the update trigger."""
    store.write([placed(n) for n in range(30)])
    ident = rows(store, "SELECT min(id) FROM events WHERE place = 'Kyiv'")[0][0]
    columns = "id, article_id, date, event, mode, place, country, modality, confidence, record"
    run(store, f"INSERT INTO events ({columns}) SELECT {columns} FROM events WHERE id = '{ident}' "
               "ON CONFLICT (id) DO UPDATE SET place = 'Kharkiv', date = '2024-12-24'")
    assert_exact(store)
    assert ("Kharkiv", "UKR", 1, ident) in rows(store, PLACES_ROLLUP)


def test_merge_on_postgresql_keeps_them_exact(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("MERGE is PostgreSQL's (15+); SQLite's upsert is tested above")
    store.write([placed(n) for n in range(40)])
    run(store, unlink("SELECT id FROM events WHERE place = 'Lyon'"),
        "MERGE INTO events AS e USING (SELECT id, place FROM events WHERE place IN ('Paris', 'Lyon')) AS s "
        "ON e.id = s.id WHEN MATCHED AND s.place = 'Lyon' THEN DELETE "
        "WHEN MATCHED THEN UPDATE SET place = 'Marseille', date = '2018-01-01'")
    assert_exact(store)
    assert "Marseille" in {r[0] for r in rows(store, PLACES_ROLLUP)}
