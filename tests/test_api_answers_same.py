# ruff: noqa: F811  (pytest fixtures imported from api_helpers)
"""The computed answers of the hot read paths (a page of events, one event, the timeline) against
answers built independently in the test from the records written: the statements built once and
the text() query of the sources (store/sources.py) must not change a byte of what the API says."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chronique.api import create_app
from chronique.schema import Event, Extraction
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import db_url  # noqa: F401  (a fixture)
from test_store_helpers import make_extraction

N = 30
CITED = 3  # the last article's event also cites the first CITED articles: one event, several sources


def written() -> list[Extraction]:
    made = [make_extraction(i) for i in range(N)]
    last = made[-1]
    [event] = last.events
    cites = (last.article.id, *(x.article.id for x in made[:CITED]))
    return [*made[:-1], replace(last, events=(replace(event, sources=cites),))]


def expected(event: Event) -> dict[str, Any]:
    """What the API must say of a written event: its record, its sources in article id order."""
    return {**event.to_dict(), "sources": sorted(event.sources)}


def ordered(body: bytes) -> Any:
    """JSON with its keys in the order sent (a page splices stored records: order is part of it)."""
    return json.loads(body, object_pairs_hook=lambda pairs: pairs)


@pytest.fixture
def client(db_url: str) -> Iterator[tuple[TestClient, list[Event]]]:
    extractions = written()
    with Store.open(Settings(database_url=db_url)) as store:
        store.write(extractions)
        app = create_app(Settings(database_url=db_url), store)
        with TestClient(app) as test_client:
            yield test_client, [e for x in extractions for e in x.events]


def newest_first(found: list[Event]) -> list[Event]:
    return sorted(sorted(found, key=lambda e: e.id), key=lambda e: e.date or "", reverse=True)


def matches(event: Event, params: dict[str, Any]) -> bool:
    """The filters of the page cases below, applied to a written event."""
    loc = event.event_loc
    return bool(event.actor and event.recipient and event.date and loc
                and event.actor.code == params.get("actor", event.actor.code)
                and event.recipient.code == params.get("recipient", event.recipient.code)
                and event.event == params.get("type", event.event).upper()
                and loc.country_code == params.get("country", loc.country_code)
                and params.get("place", "").lower() in (loc.resolved_place or "").lower()
                and params.get("since", "") <= event.date <= params.get("until", "9999"))


PAGES: list[dict[str, Any]] = [
    {"limit": 7}, {"actor": "RUS", "limit": 3}, {"since": "2022-03-01", "until": "2022-08-31", "limit": 4},
    {"type": "aid", "country": "UKR", "limit": 2}, {"recipient": "UKR", "sort": "date", "limit": 2},
    {"place": "kyiv", "limit": 2},  # a filter outside the statements built once: the page is built per request
]


@pytest.mark.parametrize("params", PAGES)
def test_pages_are_the_written_records_with_every_source(client: tuple[TestClient, list[Event]],
                                                         params: dict[str, Any]) -> None:
    api, events = client
    wanted = [e for e in newest_first(events) if matches(e, params)]
    if params.get("sort") == "date":
        wanted = sorted(sorted(wanted, key=lambda e: e.id), key=lambda e: e.date or "")
    seen: list[Any] = []
    cursor = None
    while True:
        body = api.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})}).content
        page = json.loads(body)
        assert len(page["events"]) <= params["limit"]
        seen += ordered(body)[0][1]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(wanted) > params["limit"]  # several pages, so the cursor path is taken
    assert seen == [ordered(json.dumps(expected(e)).encode()) for e in wanted]


def test_an_event_cites_several_sources(client: tuple[TestClient, list[Event]]) -> None:
    _, events = client
    cited = [e for e in events if len(e.sources) > 1]
    assert cited and len(expected(cited[0])["sources"]) == CITED + 1


def test_one_event_lists_each_source_once_in_order(client: tuple[TestClient, list[Event]]) -> None:
    api, events = client
    for event in events:
        answer = api.get(f"/api/events/{event.id}").json()
        assert answer["event"] == expected(event)
        assert [s["article"]["id"] for s in answer["sources"]] == sorted(event.sources)


def test_timeline_counts_the_written_events(client: tuple[TestClient, list[Event]]) -> None:
    api, events = client
    cases: list[dict[str, str]] = [{}, {"actor": "RUS"},
                                   {"actor": "RUS", "since": "2022-02-01", "until": "2022-10-31"}]
    for params in cases:
        answer = api.get("/api/timeline", params={**params, "bucket": "month"}).json()
        got = Counter({(b["start"][:7], k): n for b in answer["buckets"] for k, n in b["counts"].items()})
        wanted = Counter((e.date[:7], e.event) for e in events if e.date and e.actor
                         and e.actor.code == params.get("actor", e.actor.code)
                         and params.get("since", "") <= e.date <= params.get("until", "9999"))
        assert got == wanted
