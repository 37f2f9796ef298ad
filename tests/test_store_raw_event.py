"""One event read by plain sqlite3 (store/raw_event.py) equals the engine's reads, and an event
with a possible merge partner (or a store the reader does not serve) is left to the engine."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from chronique.api.routes_events import merge_window
from chronique.settings import Settings
from chronique.store import views
from chronique.store.query import EventQuery
from chronique.store.raw_event import read_alone
from chronique.store.raw_pages import RawPages
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import make_extraction


def test_alone_events_equal_the_engine_reads_and_partners_are_left_to_it(tmp_path: Path) -> None:
    first, other = make_extraction(100), make_extraction(104)
    day = first.events[0].date
    assert day and other.events[0].event == first.events[0].event
    near = replace(other, events=(replace(other.events[0], date=day[:-2] + f"{int(day[-2:]) + 1:02d}"),))
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'raw.db'}")
    with Store.open(settings) as store:
        store.write([make_extraction(n) for n in range(30)] + [first, near])
        pages = RawPages(store)
        read = 0
        for stored in store.events(EventQuery(limit=None)):
            alone = read_alone(pages, stored.id, merge_window)
            window = merge_window(stored)
            partners = len(store.events(window)) if window else 0
            if stored.id in (first.events[0].id, near.events[0].id) or partners >= 2:
                assert alone is None and partners >= 2  # a possible partner: the engine reads the window
                continue
            assert alone is not None and alone.event == views.one_event(store, stored.id)
            assert alone.articles == views.articles_by_id(store, stored.sources) and alone.articles
            read += 1
        assert read >= 20
        missing = read_alone(pages, "no-such-event", merge_window)
        assert missing is not None and missing.event is None
        pages.close()
    with Store.open(Settings(database_url="sqlite://")) as memory:
        memory.write([make_extraction(1)])
        assert read_alone(RawPages(memory), make_extraction(1).events[0].id, merge_window) is None
