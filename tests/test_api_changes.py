"""A SQLite store changed by hand (events deleted or rewritten, no article added) while the server
runs: the next answers, kept ones and cached aggregates included, are those of the changed store
(the version probe counts every commit: store/version.py), equal to a fresh server's."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text

from chronique.api import create_app
from chronique.settings import Settings
from chronique.store.store import Store
from chronique.store.version import CHANGE_BITS, VersionProbe

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import fill

URLS = ("/api/events?limit=100", "/api/events?actor=RUS&since=2022-01-01&until=2022-12-31",
        "/api/timeline?bucket=month", "/api/timeline?actor=RUS&since=2022-01-01&until=2022-12-31",
        "/api/places", "/api/map?actor=RUS", "/api/actors", "/api/actors/RUS")


def answers(client: TestClient) -> dict[str, bytes]:
    return {url: client.get(url).content for url in URLS}


def test_answers_follow_a_change_by_hand(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'hand.db'}")
    with Store.open(settings) as store:
        fill(store)
        with TestClient(create_app(settings, store)) as client:
            before = answers(client)
            assert answers(client) == before  # kept, unchanged
            with store.engine.begin() as connection:  # another connection: what a maintainer's sqlite3 does
                gone = "SELECT id FROM events WHERE actor_code = 'RUS' AND date < '2022-07'"
                connection.execute(text(f"DELETE FROM event_sources WHERE event_id IN ({gone})"))
                connection.execute(text(f"DELETE FROM events WHERE id IN ({gone})"))
                connection.execute(text("UPDATE events SET place = 'Vilnius' WHERE actor_code = 'RUS'"))
            after = answers(client)
        with TestClient(create_app(settings, store)) as fresh:
            assert after == answers(fresh)
    changed = [url for url in URLS if after[url] != before[url]]
    assert changed == list(URLS), changed  # every one of them moved with the change


def test_the_version_moves_with_every_commit_and_keeps_the_article_pk(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'v.db'}")
    with Store.open(settings) as store:
        fill(store)
        probe = VersionProbe(store)
        first = probe()
        assert probe() == first  # no commit in between
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE events SET confidence = 0.1"))
        second = probe()
        assert second != first and second >> CHANGE_BITS == first >> CHANGE_BITS
        with sqlite3.connect(tmp_path / "v.db") as raw:  # the newest article gone (sqlite3: no foreign keys)
            raw.execute("DELETE FROM articles WHERE pk = (SELECT max(pk) FROM articles)")
        third = probe()
        assert third not in (first, second) and third >> CHANGE_BITS < first >> CHANGE_BITS
        probe.close()
