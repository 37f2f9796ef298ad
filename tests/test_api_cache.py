"""Answers cached per store version: a repeated request is served from the cache, and a write
(a new article moves the version) is seen by the next request of every cached kind."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi.testclient import TestClient

from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import client, db_url, filled_store, make_extraction  # noqa: F401  (fixtures)

URLS = ("/api/events?actor=RUS&limit=100", "/api/timeline?actor=RUS&bucket=day", "/api/places",
        "/api/timeline?bucket=month")


def test_a_repeated_request_is_answered_from_the_cache(client: TestClient) -> None:  # noqa: F811
    first = client.get(URLS[0]).content
    state = client.app.state.chronique  # type: ignore[attr-defined]
    kept = len(state.cache._items)
    assert client.get(URLS[0]).content == first
    assert len(state.cache._items) == kept


def test_cached_answers_follow_a_write(client: TestClient, filled_store: Store) -> None:  # noqa: F811
    before = {url: client.get(url).json() for url in URLS}
    filled_store.write([make_extraction(n) for n in (400, 404)])  # two more RUS → BLR reports, in Minsk
    after = {url: client.get(url).json() for url in URLS}
    assert len(after[URLS[0]]["events"]) == len(before[URLS[0]]["events"]) + 2

    def total(answer: dict[str, list[dict[str, dict[str, int]]]]) -> int:
        return sum(sum(b["counts"].values()) for b in answer["buckets"])

    assert total(after[URLS[1]]) == total(before[URLS[1]]) + 2  # type: ignore[arg-type]
    assert total(after[URLS[3]]) == total(before[URLS[3]]) + 2  # type: ignore[arg-type]
    minsk = {p["place"]: p["count"] for p in before[URLS[2]]["places"]}["Minsk"]
    assert {p["place"]: p["count"] for p in after[URLS[2]]["places"]}["Minsk"] == minsk + 2


def test_one_event_answer_is_cached_and_a_missing_one_is_not(client: TestClient) -> None:  # noqa: F811
    ident = client.get("/api/events?limit=1").json()["events"][0]["id"]
    assert client.get(f"/api/events/{ident}").json() == client.get(f"/api/events/{ident}").json()
    state = client.app.state.chronique  # type: ignore[attr-defined]
    kept = len(state.cache._items)
    assert client.get("/api/events/0123abcd").status_code == 404
    assert len(state.cache._items) == kept
