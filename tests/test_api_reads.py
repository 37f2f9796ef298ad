# ruff: noqa: F811  (pytest fixtures imported from api_helpers)
"""The REST API's read endpoints on both backends (SQLite; PostgreSQL when the store tests run
it): filters, cursor pages, one event with its evidence, articles, actors, places, timeline,
transfers, exports, and the one error shape for bad parameters."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from chronique.settings import Settings
from chronique.store.query import EventQuery
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import HOSTILE, N_PLAIN, client, db_url, filled_store  # noqa: F401  (fixtures)


def test_events_list_applies_every_filter_of_the_cli(client: TestClient) -> None:
    rus = client.get("/api/events", params={"actor": "rus", "limit": 100}).json()["events"]
    assert len(rus) == N_PLAIN // 4 and {e["actor"]["code"] for e in rus} == {"RUS"}
    typed = client.get("/api/events", params={"type": "consult", "since": "2022-03-01", "until": "2022-09-30"})
    assert {e["event"] for e in typed.json()["events"]} == {"CONSULT"}
    assert all("2022-03-01" <= e["date"] <= "2022-09-30" for e in typed.json()["events"])
    found = client.get("/api/events", params={"text": "Bielorussie", "country": "UKR", "limit": 100}).json()
    assert found["events"] and all(e["event_loc"]["country_code"] == "UKR" for e in found["events"])
    assert {e["cameo"] for e in client.get("/api/events", params={"cameo": "03"}).json()["events"]} == {"0332"}
    [hostile] = client.get("/api/events", params={"text": "DROP TABLE"}).json()["events"]
    assert hostile["event_text"] == HOSTILE  # stored and returned as it was written


def test_cursor_pages_cover_every_event_once_in_order(client: TestClient) -> None:
    seen: list[dict[str, str]] = []
    cursor = None
    for _ in range(20):
        page = client.get("/api/events", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        seen += page["events"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == N_PLAIN + 1 and len({e["id"] for e in seen}) == N_PLAIN + 1
    keys = [(e["date"], e["id"]) for e in seen]
    assert [k[0] for k in keys] == sorted((k[0] for k in keys), reverse=True)
    oldest = client.get("/api/events", params={"sort": "date", "limit": 3}).json()["events"]
    assert [e["date"] for e in oldest] == sorted(e["date"] for e in seen)[:3]


def test_merged_view_pages_carry_independent_sources(client: TestClient) -> None:
    page = client.get("/api/events", params={"merge": "true", "limit": 10}).json()
    assert len(page["events"]) == 10 and all("independent_sources" in e for e in page["events"])
    rest = client.get("/api/events", params={"merge": "true", "limit": 100, "cursor": page["next_cursor"]}).json()
    assert rest["next_cursor"] is None and len(page["events"]) + len(rest["events"]) == N_PLAIN + 1


def test_one_event_has_its_sources_and_the_evidence_span(client: TestClient) -> None:
    [listed] = client.get("/api/events", params={"text": "DROP TABLE"}).json()["events"]
    detail = client.get(f"/api/events/{listed['id']}").json()
    assert detail["event"]["id"] == listed["id"]
    [source] = detail["sources"]
    span = source["evidence"]
    assert source["article"]["text"][span["start"]:span["end"]] == listed["event_text"]


def test_article_has_its_text_spans_and_events(client: TestClient) -> None:
    [event] = client.get("/api/events", params={"text": "DROP TABLE"}).json()["events"]
    article = client.get(f"/api/articles/{event['sources'][0]}").json()
    assert article["article"]["text"] == HOSTILE
    [actor] = article["mentions"]["actors"]
    assert HOSTILE[actor["start"]:actor["end"]] == "FRA"
    assert [e["id"] for e in article["events"]] == [event["id"]]


def test_actor_counts_counterparts_and_roles(client: TestClient) -> None:
    rus = client.get("/api/actors/RUS").json()
    assert (rus["as_actor"], rus["as_recipient"]) == (N_PLAIN // 4, N_PLAIN // 4)
    assert {c["code"]: (c["towards"], c["from"]) for c in rus["counterparts"]} == {"BLR": (6, 0), "UKR": (0, 6)}
    assert any(r["name"] == "Vladimir Putin" and r["role"] == "head_of_state" for r in rus["roles"])
    listed = {a["code"]: a for a in client.get("/api/actors").json()["actors"]}
    assert listed["FRA"]["as_actor"] == N_PLAIN // 4 + 1


def test_timeline_buckets_by_type_and_quad(client: TestClient) -> None:
    months = client.get("/api/timeline", params={"bucket": "month"}).json()
    assert sum(sum(b["counts"].values()) for b in months["buckets"]) == N_PLAIN + 1
    assert months["buckets"][0]["start"] == "2022-01-01" and "AGREE" in months["keys"]
    assert len(months["buckets"]) == 14  # January 2022 to February 2023, empty months included
    quads = client.get("/api/timeline", params={"by": "quad", "bucket": "week", "actor": "UKR"}).json()
    assert quads["keys"] == ["verbal conflict"]
    assert all(b["start"] for b in quads["buckets"])


def test_places_have_coordinates_for_the_map(client: TestClient) -> None:
    places = {p["place"]: p for p in client.get("/api/places").json()["places"]}
    assert places["Berlin"]["count"] == N_PLAIN // 4 + 1
    assert places["Kyiv"]["approximate"] and places["Kyiv"]["lat"] is not None  # its country's point
    assert client.get("/api/map", params={"country": "BLR"}).json()["places"][0]["place"] == "Minsk"


def test_transfers_come_with_their_evidence_text(client: TestClient) -> None:
    found = client.get("/api/transfers", params={"supplier": "rus"}).json()["transfers"]
    assert found and all(t["supplier"] == "RUS" for t in found)
    assert all(t["evidence_text"] and "accord" in t["evidence_text"] for t in found)
    assert all("evidence_spans" in t and "reported_by" in t for t in found)  # the record's additions pass through
    assert len(client.get("/api/transfers", params={"weapon": "iskander"}).json()["transfers"]) == N_PLAIN // 3
    assert client.get("/api/transfers", params={"weapon": "%"}).json()["transfers"] == []  # no LIKE wildcard


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover", "parquet"])
def test_export_streams_the_filtered_events(client: TestClient, fmt: str) -> None:
    response = client.get("/api/export", params={"format": fmt, "actor": "USA", "merge": "false"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    if fmt == "parquet":
        assert pq.read_table(io.BytesIO(response.content)).num_rows == N_PLAIN // 4
    elif fmt == "csv":
        assert len(response.text.strip().splitlines()) == N_PLAIN // 4 + 1
    elif fmt == "jsonl":
        assert [json.loads(line)["actor"]["code"] for line in response.text.splitlines()] == ["USA"] * (N_PLAIN // 4)
    else:  # PLOVER records, one per line
        assert len([json.loads(line) for line in response.text.splitlines()]) == N_PLAIN // 4


@pytest.mark.parametrize(("url", "status", "where"), [
    ("/api/events?since=2022-13-40", 422, "query.since"),
    ("/api/events?limit=0", 422, "query.limit"),
    ("/api/events?limit=many", 422, "query.limit"),
    ("/api/events?since=2022-06-01&until=2022-01-01", 400, "query.since"),
    ("/api/events?actor=R%27US%20OR%201=1", 422, "query.actor"),
    ("/api/events?text=%20--%20", 400, "query.text"),
    ("/api/events?place=a%00b", 400, "query.place"),
    ("/api/events?cursor=not-a-cursor", 400, "cursor"),
    ("/api/events?cursor=WyIyMDIyLTAxLTAxIiwgImFcdTAwMDBiIl0", 400, "cursor"),  # a forged cursor holding a NUL
    ("/api/events?sort=confidence", 422, "query.sort"),
    ("/api/events/unknown-id", 404, "event_id"),
    ("/api/events/a%00b", 422, "path.event_id"),
    ("/api/articles/x%27%3B%20DROP", 422, "path.article_id"),
    ("/api/articles/unknown-id", 404, "article_id"),
    ("/api/timeline?bucket=year", 422, "query.bucket"),
    ("/api/export?format=xlsx", 422, "query.format"),
    ("/api/export?format=plover&what=articles", 400, "query.what"),
    ("/api/nothing-here", 404, "/api/nothing-here"),
])
def test_bad_parameters_get_the_one_error_shape(client: TestClient, url: str, status: int, where: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"code", "message", "where"} and body["where"] == where
    assert body["message"].startswith("expected")


def test_server_start_warms_the_first_page_aggregates(filled_store: Store) -> None:
    from chronique.api.server import warm
    from chronique.api.state import ApiState

    state = ApiState(settings=Settings(database_url=str(filled_store.engine.url)), store=filled_store)
    warm(state)
    assert len(state.cache._items) == 2  # the unfiltered timeline counts and the map's places
    fill_more = state.cache.get(filled_store, ("months", EventQuery(limit=None)), lambda: pytest.fail("recomputed"))
    assert sum(n for _, _, n in fill_more) == N_PLAIN + 1


def test_a_merge_too_broad_to_hold_is_refused(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronique.api import params

    monkeypatch.setattr(params, "MAX_MERGED_REPORTS", 10)
    response = client.get("/api/events", params={"merge": "true"})
    assert response.status_code == 400 and response.json()["code"] == "TOO_BROAD"
    assert client.get("/api/events", params={"merge": "true", "actor": "RUS"}).status_code == 200
    assert client.get("/api/export", params={"format": "csv"}).status_code == 400
    paged = client.get("/api/export", params={"format": "jsonl", "merge": "false"})  # read page by page
    assert len(paged.text.splitlines()) == N_PLAIN + 1


def test_iter_events_reads_every_page_in_order(filled_store: Store) -> None:
    from chronique.store import views

    paged = [e.id for e in views.iter_events(filled_store, EventQuery(), page=4)]
    assert paged == [e.id for e in filled_store.events(EventQuery(limit=None))]


def test_a_page_spliced_from_stored_records_equals_the_decoded_events(filled_store: Store) -> None:
    from chronique.store import views

    page = views.event_page(filled_store, EventQuery(limit=100))
    assert len(page.items) == N_PLAIN + 1
    assert [json.loads(item.json()) for item in page.items] == [item.event().to_dict() for item in page.items]


def test_monthly_counts_summed_in_sql_fold_like_the_daily_ones(filled_store: Store) -> None:
    from dataclasses import replace

    from test_store_helpers import make_extraction

    from chronique.api.timeline import fold
    from chronique.store import views

    # Partial dates (a month, a year) beside the fixture's full days: each lands in its first day's month.
    partial = []
    for n, day in ((40, "2022-03"), (41, "2021"), (42, "2022-03-30")):
        x = make_extraction(n)
        partial.append(replace(x, events=tuple(replace(e, date=day) for e in x.events)))
    filled_store.write(partial)
    whole = EventQuery(limit=None)
    days = views.day_type_counts(filled_store, whole)
    months = views.day_type_counts(filled_store, whole, months=True)
    assert {len(d) for d, _, _ in months} <= {4, 7} and len(months) < len(days)
    assert sum(n for _, _, n in months) == sum(n for _, _, n in days) == N_PLAIN + 4
    for by in ("type", "quad"):
        assert fold(months, "month", by) == fold(days, "month", by)
    march = {b.start: sum(b.counts.values()) for b in fold(months, "month", "type")}
    assert march["2022-03-01"] == 1 + sum(1 for n in range(N_PLAIN) if n % 12 == 2) + 1
    assert march["2021-01-01"] == 1
