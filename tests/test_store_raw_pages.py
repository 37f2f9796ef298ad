# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Pages read by plain sqlite3 connections (store/raw_pages.py) equal views.event_page's, page after
page in both orders, see a write made after they opened, and leave other pages to the engine."""

from __future__ import annotations

import sys
import threading
from dataclasses import replace
from pathlib import Path

from chronique.schema import Extraction
from chronique.settings import Settings
from chronique.store import views
from chronique.store.query import EventQuery
from chronique.store.raw_pages import RawPages
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import db_url, make_extraction, store  # noqa: F401  (fixtures)

SAME_DAY = 6  # articles 0..SAME_DAY-1 also report an event on one shared day: ties broken by id


def written(n: int) -> Extraction:
    x = make_extraction(n)
    if n < SAME_DAY:
        return replace(x, events=(replace(x.events[0], date="2022-05-05"),))
    return x


QUERIES = [EventQuery(since="2022-01-01", limit=4), EventQuery(until="2022-06-30", actor="rus", limit=2),
           EventQuery(since="2022-03-01", until="2022-10-31", type="aid", country="UKR", limit=1),
           EventQuery(since="2022-05-05", until="2022-05-05", limit=2), EventQuery(since="2023-01-01", limit=3),
           EventQuery(since="2022-02-01", recipient="DEU", limit=50)]


def walk(read: object, query: EventQuery, sort: str) -> list[views.EventPage]:
    pages, cursor = [], None
    while True:
        page = read(query, cursor, sort)  # type: ignore[operator]
        pages.append(page)
        if page.next_cursor is None or len(pages) > 60:
            return pages
        cursor = page.next_cursor


def test_raw_pages_equal_the_engine_s_pages_in_both_orders(store: Store) -> None:
    store.write([written(n) for n in range(40)])
    raw = RawPages(store)
    for query in QUERIES:
        for sort in ("-date", "date"):
            engine_pages = walk(lambda q, c, s: views.event_page(store, q, cursor=c, sort=s), query, sort)
            if store.dialect != "sqlite":  # only a SQLite file is read directly
                assert raw.page(query, None, sort) is None
                continue
            assert walk(raw.page, query, sort) == engine_pages, (query, sort)
    raw.close()


def test_pages_it_does_not_serve_are_left_to_the_engine(tmp_path: Path) -> None:
    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as s:
        s.write([written(n) for n in range(10)])
        raw = RawPages(s)
        assert raw.page(EventQuery(limit=3)) is None  # no date range: the undated tail follows the dated rows
        assert raw.page(EventQuery(since="2022-01-01", cameo="03")) is None  # a statement built per request
        assert raw.page(EventQuery(since="2022-01-01", place="Kyiv")) is None
        assert raw.page(EventQuery(since="2022-01-01"), views.Cursor(None, "x").encode()) is None  # undated tail
        assert raw.page(EventQuery(since="2022-01-01")) is not None
        raw.close()
    with Store.open(Settings(database_url="sqlite://")) as memory:  # another connection would not see it
        assert RawPages(memory).page(EventQuery(since="2022-01-01")) is None


def test_each_thread_sees_what_was_written_before_its_page(tmp_path: Path) -> None:
    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as s:
        s.write([written(n) for n in range(10)])
        raw = RawPages(s)
        query = EventQuery(since="2022-01-01", limit=100)
        before = raw.page(query)
        assert before is not None and len(before.items) == 10
        s.write([written(n) for n in range(10, 15)])
        seen: list[int] = []
        worker = threading.Thread(target=lambda: seen.append(len(raw.page(query).items)))  # type: ignore[union-attr]
        worker.start()
        worker.join()
        after = raw.page(query)
        assert seen == [15] and after is not None and len(after.items) == 15
        assert after == views.event_page(s, query)
        raw.close()


def test_monthly_counts_of_one_role_equal_the_engine_s(tmp_path: Path) -> None:
    from chronique.store import role_months

    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as s:
        s.write([written(n) for n in range(60)])
        raw = RawPages(s)
        for query in (EventQuery(actor="RUS"), EventQuery(actor="fra", since="2022-02-10", until="2022-11-05"),
                      EventQuery(recipient="UKR", until="2022-07-31"), EventQuery(actor="USA", type="aid",
                                                                                  since="2022-03-03")):
            counted = raw.month_counts(query)
            assert counted and counted == role_months.month_counts(s, query), query
        assert raw.month_counts(EventQuery(since="2022-01-01")) is None  # no one role: the engine's rollups
        raw.close()
    with Store.open(Settings(database_url="sqlite://")) as memory:
        assert RawPages(memory).month_counts(EventQuery(actor="RUS")) is None


def test_a_failed_plain_read_is_left_to_the_engine(tmp_path: Path) -> None:
    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as s:
        s.write([written(n) for n in range(5)])
        raw = RawPages(s)
        raw._path = str(tmp_path / "missing" / "gone.db")  # a file it cannot open
        assert raw.page(EventQuery(since="2022-01-01")) is None
        assert raw.month_counts(EventQuery(actor="RUS")) is None
        raw.close()
