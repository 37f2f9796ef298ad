# ruff: noqa: F811  (pytest fixtures imported from api_helpers)
"""POST /api/articles: the bearer token (refused without it, read-only without one configured),
size and media-type limits, and — with the real pipeline — articles written through the API are
stored exactly as `chronique ingest` stores the same files, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from chronique.api import create_app
from chronique.app.ingest import ingest
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.settings import Settings
from chronique.store.store import Store
from chronique.store.tables import events

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import TOKEN, client, db_url, filled_store  # noqa: F401  (fixtures)

FIXTURES = Path(__file__).parent / "fixtures" / "api"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPLOADS = [("fr-accord-minsk.txt", "text/plain"), ("en-patrol-boats.html", "text/html"),
           ("records.json", "application/json")]


def test_writes_need_the_token(client: TestClient) -> None:
    body = (FIXTURES / "fr-accord-minsk.txt").read_bytes()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = client.post("/api/articles", content=body, headers={"Content-Type": "text/plain", **headers})
        assert response.status_code == 401 and response.json()["code"] == "UNAUTHORIZED"
        assert response.headers["www-authenticate"] == "Bearer"


def test_without_a_configured_token_the_api_is_read_only(filled_store: Store) -> None:
    settings = Settings(database_url=str(filled_store.engine.url))  # no api_token
    with TestClient(create_app(settings, filled_store)) as c:
        response = c.post("/api/articles", content=b"La Russie a signe.",
                          headers={"Content-Type": "text/plain", **AUTH})
        assert response.status_code == 403 and response.json()["code"] == "READ_ONLY"
        assert c.get("/api/events").status_code == 200


@pytest.mark.parametrize(("body", "media", "status", "code"), [
    (b"x" * (MAX_DOCUMENT_BYTES + 1), "text/plain", 413, "TOO_LARGE"),
    (b"%PDF-1.4", "application/pdf", 415, "UNSUPPORTED_MEDIA_TYPE"),
    (b"{not json", "application/json", 400, "BAD_FORMAT"),
    (b"[1, 2]", "application/json", 400, "BAD_FORMAT"),
    (b"   ", "text/plain", 400, "EMPTY_INPUT"),
])
def test_bad_bodies_are_refused_before_extraction(client: TestClient, body: bytes, media: str, status: int,
                                                  code: str) -> None:
    response = client.post("/api/articles", content=body, headers={"Content-Type": media, **AUTH})
    assert response.status_code == status
    assert response.json()["code"] == code and response.json()["message"].startswith("expected")


@pytest.fixture
def empty_store(db_url: str) -> Iterator[Store]:
    store = Store.open(Settings(database_url=db_url))
    yield store
    store.close()


def _event_rows(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as connection:
        return sorted(tuple(r) for r in connection.execute(select(events.c.id, events.c.record)))


@pytest.mark.model
def test_posted_articles_are_stored_as_ingest_stores_them(empty_store: Store, tmp_path: Path) -> None:
    dated = Pipeline(PipelineOptions(published="2024-03-04"))  # one pipeline (models load once) for both paths
    settings = Settings(database_url=str(empty_store.engine.url), api_token=TOKEN)
    app = create_app(settings, empty_store)
    app.state.chronique.pipelines[(None, "2024-03-04")] = dated
    with TestClient(app) as c:
        for name, media in UPLOADS:
            answer = c.post("/api/articles", content=(FIXTURES / name).read_bytes(),
                            headers={"Content-Type": media, **AUTH}, params={"published": "2024-03-04"})
            assert answer.status_code == 201, answer.text
            assert answer.json()["stored_articles"] == 1 and answer.json()["rejected"] == []
        again = c.post("/api/articles", content=(FIXTURES / UPLOADS[0][0]).read_bytes(),
                       headers={"Content-Type": "text/plain", **AUTH}, params={"published": "2024-03-04"})
        assert again.json()["already_stored"] == 1 and again.json()["stored_articles"] == 0
        found = c.get("/api/events", params={"limit": 100}).json()["events"]
        dyads = {(e["actor"]["code"], e["event"], e["recipient"]["code"])
                 for e in found if e["actor"] and e["recipient"]}
        assert {("RUS", "SUPPORT", "BLR"), ("JPN", "AGREE", "PHL")} <= dyads
        [visit, *_] = c.get("/api/events", params={"text": '"DROP TABLE"', "actor": "DEU"}).json()["events"]
        text = c.get(f"/api/articles/{visit['sources'][0]}").json()["article"]["text"]
        assert "<script>alert(1)</script>" in text and "'; DROP TABLE events; --" in text  # kept verbatim
    # The same files through `chronique ingest`'s function give the same events.
    reference = Store.open(Settings(database_url=f"sqlite:///{tmp_path / 'ingest.db'}"))
    for name, _ in UPLOADS:
        source = FIXTURES / name
        if name.endswith(".json"):  # the API takes a JSON list; `ingest` reads the same records as JSON lines
            source = tmp_path / "records.jsonl"
            records = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
            source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        ingest([source], reference, dated)
    assert _event_rows(reference) == _event_rows(empty_store)
    reference.close()
