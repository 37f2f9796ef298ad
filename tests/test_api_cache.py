"""Answers cached per store version: a repeated request is served from the kept bytes without
running its route, and a write (a new article moves the version) is seen by the next request of
every cached kind; ETags let a client revalidate; errors, downloads and large answers are not kept."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chronique.api import answers
from chronique.api.answers import Answer, Answers
from chronique.store import views
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import N_PLAIN, client, db_url, filled_store, make_extraction  # noqa: F401  (fixtures)

URLS = ("/api/events?actor=RUS&limit=100", "/api/timeline?actor=RUS&bucket=day", "/api/places",
        "/api/timeline?bucket=month")


def _kept(app_client: TestClient) -> int:
    return len(app_client.app.state.chronique.answers)  # type: ignore[attr-defined]


def test_a_repeated_request_is_answered_from_the_cache_without_its_route(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    calls: list[Any] = []
    page = views.event_page
    monkeypatch.setattr(views, "event_page", lambda *a, **k: calls.append(a) or page(*a, **k))
    first = client.get(URLS[0])
    kept = _kept(client)
    again = client.get(URLS[0])
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-type"] == "application/json" and len(calls) == 1
    assert _kept(client) == kept


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
    kept = _kept(client)
    missing = client.get("/api/events/0123abcd")
    assert missing.status_code == 404 and set(missing.json()) == {"code", "message", "where"}
    assert client.get("/api/events/0123abcd").status_code == 404
    assert _kept(client) == kept


def test_an_etag_revalidates_until_a_write_changes_the_answer(client: TestClient, filled_store: Store) -> None:  # noqa: F811
    first = client.get(URLS[0])
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    same = client.get(URLS[0], headers={"If-None-Match": tag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == tag
    filled_store.write([make_extraction(400)])
    fresh = client.get(URLS[0], headers={"If-None-Match": tag})
    assert fresh.status_code == 200 and fresh.headers["etag"] != tag
    assert len(fresh.json()["events"]) == len(first.json()["events"]) + 1


def test_the_order_of_query_parameters_does_not_split_the_cache(client: TestClient) -> None:  # noqa: F811
    one = client.get("/api/events?actor=RUS&limit=5")
    kept = _kept(client)
    other = client.get("/api/events?limit=5&actor=RUS")
    assert other.content == one.content and _kept(client) == kept
    assert client.get("/api/events?limit=6&actor=RUS").content != one.content and _kept(client) == kept + 1


def test_bad_parameters_downloads_and_writes_are_not_kept(client: TestClient) -> None:  # noqa: F811
    kept = _kept(client)
    bad = client.get("/api/events?limit=0")
    assert bad.status_code == 422 and bad.json()["where"] == "query.limit"
    assert client.get("/api/export?format=csv&merge=false").status_code == 200
    assert client.post("/api/articles", json={"text": "x"}).status_code in (401, 403)
    assert "etag" not in client.get("/api/export?format=jsonl&merge=false").headers
    assert _kept(client) == kept


def test_an_answer_too_large_to_keep_is_sent_whole(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(answers, "MAX_ANSWER", 100)
    kept = _kept(client)
    big = client.get("/api/events?limit=100")
    assert big.status_code == 200 and len(big.json()["events"]) == N_PLAIN + 1
    assert _kept(client) == kept


def test_a_streamed_answer_passes_through_once_it_outgrows_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "MAX_ANSWER", 10)
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def stream() -> None:
        keeper = answers._Keeper(kept, (1, "/api/x"), {"headers": []}, send)
        await keeper({"type": "http.response.start", "status": 200, "headers": []})
        for chunk, more in ((b"0123456", True), (b"789abcd", True), (b"efg", False)):
            await keeper({"type": "http.response.body", "body": chunk, "more_body": more})

    kept = Answers()
    asyncio.run(stream())
    assert len(kept) == 0 and sent[0]["status"] == 200
    assert b"".join(m["body"] for m in sent[1:]) == b"0123456789abcdefg"
    assert [m.get("more_body", False) for m in sent[1:]] == [True, False]


def test_kept_answers_stay_within_their_byte_budget() -> None:
    kept = Answers(budget=100)
    for n in range(5):
        kept.keep((1, f"/api/x?{n}"), Answer(headers=[], body=b"x" * 40, etag=b'"e"'))
    assert len(kept) == 2 and kept.get((1, "/api/x?4")) is not None and kept.get((1, "/api/x?0")) is None
    kept.get((1, "/api/x?3"))  # served: it outlives the one kept after it
    kept.keep((1, "/api/x?5"), Answer(headers=[], body=b"x" * 40, etag=b'"e"'))
    assert kept.get((1, "/api/x?3")) is not None and kept.get((1, "/api/x?4")) is None


def test_an_aggregate_being_computed_is_awaited_not_computed_again(filled_store: Store) -> None:  # noqa: F811
    from chronique.api.state import AggregateCache

    cache, started, calls = AggregateCache(), threading.Event(), []

    def slow() -> int:
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return 42

    first = threading.Thread(target=lambda: cache.get(filled_store, "k", slow))
    first.start()
    started.wait(5)
    assert cache.get(filled_store, "k", lambda: pytest.fail("computed twice")) == 42
    first.join()
    assert calls == [1]

    def failing() -> int:
        raise RuntimeError("scan failed")

    with pytest.raises(RuntimeError):
        cache.get(filled_store, "other", failing)
    assert cache.get(filled_store, "other", lambda: 7) == 7  # a failed computation leaves no waiter stuck


def test_the_version_probe_sees_a_write_of_another_process(filled_store: Store) -> None:  # noqa: F811
    from chronique.settings import Settings
    from chronique.store.version import CHANGE_BITS, VersionProbe

    probe = VersionProbe(filled_store)

    def pk(version: int) -> int:  # on a SQLite file the version carries a count of commits in its low bits
        return version >> CHANGE_BITS if probe.cheap else version

    before = probe()
    assert pk(before) == views.store_version(filled_store) > 0
    other = Store.open(Settings(database_url=filled_store.engine.url.render_as_string(hide_password=False)))
    try:  # a second engine on the same database: the CLI ingesting while the server runs
        other.write([make_extraction(401)])
    finally:
        other.close()
    after = probe()
    assert pk(after) == views.store_version(filled_store) > pk(before) and after > before
    probe.close()
    assert pk(probe()) == views.store_version(filled_store)  # reopens after close


def test_the_version_probe_reads_a_database_in_memory_through_its_engine() -> None:
    from chronique.settings import Settings
    from chronique.store.version import VersionProbe

    store = Store.open(Settings(database_url="sqlite://"))
    try:
        probe = VersionProbe(store)
        assert probe() == 0
        store.write([make_extraction(402)])
        assert probe() == views.store_version(store) > 0
    finally:
        store.close()


def test_concurrent_requests_for_one_missing_answer_compute_it_once(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    import httpx

    from chronique.api import routes_events

    calls: list[str] = []
    # the answer of one event (read by plain sqlite3 or through the engine: raw_event.py)
    page, event = views.event_page, routes_events.event_answer

    def slow_page(*args: Any, **kwargs: Any) -> Any:
        calls.append("page")
        time.sleep(0.2)  # long enough for the other requests to arrive while it runs
        return page(*args, **kwargs)

    def slow_event(*args: Any, **kwargs: Any) -> Any:
        calls.append("event")
        time.sleep(0.2)
        return event(*args, **kwargs)

    monkeypatch.setattr(views, "event_page", slow_page)
    monkeypatch.setattr(routes_events, "event_answer", slow_event)

    async def together(url: str) -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            return list(await asyncio.gather(*(http.get(url) for _ in range(4))))

    same = asyncio.run(together("/api/events?actor=BLR&limit=3"))
    assert calls == ["page"] and all(r.status_code == 200 and r.content == same[0].content for r in same)
    missing = asyncio.run(together("/api/events/0123abcd"))  # a 404 is not kept: each request computes its own
    assert calls.count("event") == 4 and all(r.status_code == 404 and r.json()["where"] == "event_id" for r in missing)


def test_a_version_read_through_the_engine_keeps_answers_as_well(
        client: TestClient, filled_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from chronique.store.version import VersionProbe

    monkeypatch.setattr(VersionProbe, "cheap", property(lambda self: False))  # as on PostgreSQL: in the pool
    first = client.get(URLS[1])
    kept = _kept(client)
    assert client.get(URLS[1]).headers["etag"] == first.headers["etag"] and _kept(client) == kept
    filled_store.write([make_extraction(403)])
    assert client.get(URLS[1]).headers["etag"] != first.headers["etag"]
