# ruff: noqa: F811  (pytest fixtures imported from api_helpers)
"""The fast path of the hot reads (api/fast.py) answers exactly what FastAPI answers: the same
status, headers and bytes for valid requests, which it computes itself, and for invalid ones, which
it leaves to FastAPI (the one error shape)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from chronique.api import create_app
from chronique.api.fast import FastReads
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import db_url, filled_store  # noqa: F401  (fixtures)

# (path, query): each is computed by the fast path
COMPUTED = [
    ("/api/events", ""), ("/api/events", "limit=3"), ("/api/events", "actor=RUS&limit=2"),
    ("/api/events", "since=2022-03-01&until=2022-08-31&limit=4"), ("/api/events", "type=aid&country=UKR"),
    ("/api/events", "recipient=UKR&sort=date&limit=2"), ("/api/events", "until=2022-05-01&actor=rus&sort=-date"),
    ("/api/events", "place=kyiv&limit=2"), ("/api/events", "cameo=03"), ("/api/events", "text=accord"),
    ("/api/events", "place=%20"), ("/api/events", "actor=NOBODY"), ("/api/events", "limit=1000"),
    ("/api/timeline", ""), ("/api/timeline", "bucket=day"), ("/api/timeline", "bucket=week&by=quad"),
    ("/api/timeline", "actor=FRA&since=2022-01-10&until=2023-03-01"), ("/api/timeline", "recipient=DEU&by=quad"),
    ("/api/timeline", "actor=UKR&type=ACCUSE&since=2022-02-02"), ("/api/timeline", "actor=USA&until=2022-06-15"),
    ("/api/timeline", "actor=RUS&since=2022-04-03&until=2022-04-20"), ("/api/timeline", "country=UKR&bucket=day"),
    ("/api/events", "merge=true&limit=2"), ("/api/events", "merge=true&sort=date&limit=3&actor=RUS"),
    ("/api/events", "merge=false&actor=RUS"), ("/api/events", "merge=true&since=2022-03-01&type=aid"),
    ("/api/map", ""), ("/api/places", "places=3"), ("/api/map", "actor=RUS&since=2022-01-01"),
    ("/api/places", "places=5000&text=accord"), ("/api/actors", ""), ("/api/actors", "type=aid&limit=3"),
    ("/api/actors", "recipient=UKR&until=2022-12-31"), ("/api/actors/RUS", ""), ("/api/actors/fra", ""),
    ("/api/actors/NOBODY", ""),
]
# (path, query, status, computed): an error or an unusual request; ``computed`` when the fast path
# answers it itself (an error raised while computing, answered by FastAPI's own handler), else it
# is left to FastAPI (an error of validation, or a parameter it does not take)
LEFT = [
    ("/api/events", "since=2022-13-01", 422, False), ("/api/events", "since=2022-1-5", 422, False),
    ("/api/events", "since=2022-09-01&until=2022-01-01", 400, True), ("/api/events", "limit=0", 422, False),
    ("/api/events", "limit=1001", 422, False), ("/api/events", "limit=abc", 422, False),
    ("/api/events", "limit=050", 200, False), ("/api/events", "actor=", 422, False),
    ("/api/events", "actor=R%C3%9CS", 422, False), ("/api/events", "actor=RUS&actor=FRA", 200, False),
    ("/api/events", "unknown=1", 200, False),
    ("/api/events", "sort=id", 422, False), ("/api/events", "cursor=nonsense", 400, True),
    ("/api/events", "text=a%00b", 400, True), ("/api/events", "place=" + "x" * 201, 422, False),
    ("/api/timeline", "bucket=year", 422, False), ("/api/timeline", "by=actor", 422, False),
    ("/api/timeline", "actor=a%20b", 422, False), ("/api/timeline", "since=2023-01-01&until=2022-01-01", 400, True),
    ("/api/events/NOPE", "", 404, True), ("/api/events/bad%20id", "", 422, False), ("/api/events/", "", 307, False),
    ("/api/events/NOPE", "x=1", 404, False),
    ("/api/events", "merge=1&limit=2", 200, False), ("/api/events", "merge=maybe", 422, False),
    ("/api/events", "merge=true&merge=false", 200, False), ("/api/events", "merge=true&cursor=nonsense", 400, True),
    ("/api/map", "places=0", 422, False), ("/api/map", "places=5001", 422, False),
    ("/api/places", "places=07", 200, False), ("/api/places", "since=2023-01-01&until=2022-01-01", 400, True),
    ("/api/map", "limit=2000", 422, False), ("/api/actors", "limit=0", 422, False),
    ("/api/actors", "places=3", 200, False), ("/api/actors/a%20b", "", 422, False),
    ("/api/actors/RUS", "x=1", 200, False), ("/api/actors/", "", 307, False), ("/api/articles/NOPE", "", 404, True),
    ("/api/articles/bad%20id", "", 422, False), ("/api/articles/NOPE", "x=1", 404, False),
]


KEPT = (b"etag", b"cache-control")  # what the plain app's ready answers add to a 200 (the fast layer lies inside)


def call(app: Any, path: str, query: str) -> list[dict[str, Any]]:
    """The ASGI messages ``app`` sends for GET path?query (without the ready answers' headers)."""
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query.encode(), "headers": [(b"host", b"test")], "http_version": "1.1",
             "scheme": "http", "server": ("test", 80), "client": ("test", 1), "app": app}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(dict(message))

    asyncio.run(app(scope, receive, send))
    for message in sent:
        if "headers" in message:
            message["headers"] = [(k, v) for k, v in message["headers"] if k not in KEPT]
    return sent


@pytest.fixture(params=[0, 2], ids=["in the loop", "2 threads"])
def apps(filled_store: Store, request: pytest.FixtureRequest) -> Iterator[tuple[FastReads, FastAPI, list[str]]]:
    """The fast layer over a recording FastAPI app without it, the plain app, and what fell through;
    the bounded answers computed in the event loop (the default) or in threads."""
    plain = create_app(Settings(database_url=str(filled_store.engine.url)), filled_store, fast_reads=False)
    fell: list[str] = []

    async def recording(scope: Any, receive: Any, send: Any) -> None:
        fell.append(scope["path"])
        await plain(scope, receive, send)

    yield FastReads(recording, plain.state.chronique, answer_threads=request.param), plain, fell


@pytest.mark.parametrize("threads", [0, 2])
def test_bounded_answers_run_in_the_loop_unless_threads_are_asked(
        filled_store: Store, monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    """A bounded answer (a page of an actor over dates) is computed in the event loop's thread by
    default on a SQLite file, in a thread with answer_threads > 0 or on PostgreSQL (a round trip the
    loop must not wait for); an unbounded one (full text) always in a thread, so that a scan holds
    up no other request."""
    import threading

    from chronique.api import routes_events

    plain = create_app(Settings(database_url=str(filled_store.engine.url)), filled_store, fast_reads=False)
    fast = FastReads(plain, plain.state.chronique, answer_threads=threads)
    where: list[bool] = []
    original = routes_events.list_answer

    def watched(*args: Any) -> bytes:
        where.append(threading.current_thread() is threading.main_thread())  # the loop of asyncio.run
        return original(*args)

    monkeypatch.setattr(routes_events, "list_answer", watched)
    assert call(fast, "/api/events", "actor=RUS&since=2022-01-01&until=2022-12-31")[0]["status"] == 200
    assert call(fast, "/api/events", "text=accord")[0]["status"] == 200
    local = filled_store.dialect == "sqlite"
    assert where == [threads == 0 and local, False]


def event_ids(app: FastAPI) -> list[str]:
    body = call(app, "/api/events", "limit=40")[1]["body"]
    return [e["id"] for e in json.loads(body)["events"]]


def article_ids(app: FastAPI) -> list[str]:
    body = call(app, "/api/events", "limit=40")[1]["body"]
    return list(dict.fromkeys(s for e in json.loads(body)["events"] for s in e["sources"]))


def test_computed_answers_are_the_bytes_and_headers_of_fastapi(apps: tuple[FastReads, FastAPI, list[str]]) -> None:
    fast, plain, fell = apps
    ids = event_ids(plain)
    assert len(ids) > 20
    articles = article_ids(plain)
    assert len(articles) > 20
    cases = [*COMPUTED, *((f"/api/events/{i}", "") for i in ids), *((f"/api/articles/{a}", "") for a in articles)]
    for path, query in cases:
        got = call(fast, path, query)
        assert got[0]["status"] == 200, (path, query, got)
        assert got == call(plain, path, query), (path, query)
    assert fell == []  # every one computed by the fast path


def test_a_cursor_page_is_computed_and_equal(apps: tuple[FastReads, FastAPI, list[str]]) -> None:
    fast, plain, fell = apps
    first = json.loads(call(plain, "/api/events", "limit=5&sort=date")[1]["body"])
    query = f"limit=5&sort=date&cursor={first['next_cursor']}"
    assert call(fast, "/api/events", query) == call(plain, "/api/events", query)
    assert fell == []


def test_merged_pages_are_computed_and_equal(apps: tuple[FastReads, FastAPI, list[str]]) -> None:
    """The merged view's cursor (a position) pages through it as FastAPI does; a cursor of the plain
    view on a merged page is the same 400."""
    fast, plain, fell = apps
    query, seen = "merge=true&limit=4", 0
    while True:
        got = call(fast, "/api/events", query)
        assert got == call(plain, "/api/events", query), query
        page = json.loads(got[1]["body"])
        seen += len(page["events"])
        if not page["next_cursor"]:
            break
        query = f"merge=true&limit=4&cursor={page['next_cursor']}"
    assert seen > 8
    plain_cursor = json.loads(call(plain, "/api/events", "limit=2")[1]["body"])["next_cursor"]
    wrong = call(fast, "/api/events", f"merge=true&cursor={plain_cursor}")
    assert wrong[0]["status"] == 400 and wrong == call(plain, "/api/events", f"merge=true&cursor={plain_cursor}")
    assert fell == []


def test_errors_and_unusual_requests_are_answered_as_by_fastapi(apps: tuple[FastReads, FastAPI, list[str]]) -> None:
    fast, plain, fell = apps
    for path, query, status, computed in LEFT:
        fell.clear()
        got = call(fast, path, query)
        assert got[0]["status"] == status, (path, query, got)
        assert got == call(plain, path, query), (path, query)
        assert fell == ([] if computed else [path]), (path, query)
    fell.clear()
    assert call(fast, "/api/events", "") and fell == []  # and the next valid request is computed again


def test_the_served_app_answers_as_without_the_fast_path(filled_store: Store) -> None:
    """Through the whole app (the ready answers around the fast path): the same status, ETag and body."""
    settings = Settings(database_url=str(filled_store.engine.url))
    with TestClient(create_app(settings, filled_store)) as fast, \
            TestClient(create_app(settings, filled_store, fast_reads=False)) as plain:
        for path, query in [*COMPUTED, *((p, q) for p, q, _, _ in LEFT)]:
            a, b = fast.get(f"{path}?{query}"), plain.get(f"{path}?{query}")
            assert (a.status_code, a.headers.get("etag"), a.content) == (b.status_code, b.headers.get("etag"),
                                                                         b.content), (path, query)


def test_one_event_names_the_reports_merged_with_it(tmp_path: Path) -> None:
    """The reports of one event (other articles, same actors and type, a day apart) are read whole;
    an event alone in its window is told so by a two-row page (raw_pages.py), with the same answer
    as when every window is read through the engine."""
    from dataclasses import replace

    from test_store_helpers import make_extraction

    first, other, alone = make_extraction(100), make_extraction(104), make_extraction(101)
    day = first.events[0].date
    assert day and other.events[0].event == first.events[0].event
    near = replace(other, events=(replace(other.events[0], date=day[:-2] + f"{int(day[-2:]) + 1:02d}"),))
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'merged.db'}")
    with Store.open(settings) as store:
        store.write([first, near, alone])
        with TestClient(create_app(settings, store)) as client:
            merged = client.get(f"/api/events/{first.events[0].id}").json()
            assert [r["id"] for r in merged["reports"]] == [near.events[0].id]
            assert client.get(f"/api/events/{alone.events[0].id}").json()["reports"] == []
            probed = [client.get(f"/api/events/{x.events[0].id}").content for x in (first, near, alone)]
        engine_only = create_app(settings, store)
        engine_only.state.chronique.pages.page = lambda *args, **kwargs: None  # every window through the engine
        engine_only.state.chronique.pages.read = lambda *args, **kwargs: None  # and every event (raw_event.py)
        with TestClient(engine_only) as client:
            assert [client.get(f"/api/events/{x.events[0].id}").content for x in (first, near, alone)] == probed
