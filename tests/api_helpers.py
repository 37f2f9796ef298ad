"""Helpers of the API and browser tests (no tests here): a store filled with hand-built records
(store helpers' make_extraction, no spaCy) plus one hostile article, and the client fixtures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronique.api import create_app
from chronique.ids import event_id
from chronique.schema import ActorMention, Article, Event, EventActor, EventLocation, Extraction, TextInfo
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import db_url, make_extraction  # noqa: F401  (db_url: a fixture)

TOKEN = "s3cret-test-token"
N_PLAIN = 24
# Markup, a script and an SQL-looking string that must come back as inert text.
HOSTILE = ("Le ministre <b>FRA</b> a critiqué <script>window.__pwned = 1</script> le gouvernement DEU "
           "<img src=x onerror=\"window.__pwned = 2\"> après l'annonce '; DROP TABLE events; -- à Berlin.")


def hostile_extraction() -> Extraction:
    """One article whose text holds HTML, a <script> and SQL, with an ACCUSE event on it."""
    article = Article.create(HOSTILE, title="<i>Titre</i> piégé", source="wire/hostile.txt", language="fr",
                             published="2023-02-14")
    a, r = HOSTILE.index("FRA"), HOSTILE.index("DEU")
    eid = event_id(article.id, 0, len(HOSTILE), "ACCUSE", "FRA", "DEU")
    event = Event(id=eid, event="ACCUSE", date="2023-02-14", date_precision="day",
                  actor=EventActor(code="FRA", sector="GOV", entity_text="FRA", start=a, end=a + 3),
                  recipient=EventActor(code="DEU", entity_text="DEU", start=r, end=r + 3),
                  event_text=HOSTILE, text_info=TextInfo(sequence=1, start=0, end=len(HOSTILE)), cameo="111",
                  quad_code=3, confidence=0.7, coder="test", sources=(article.id,),
                  event_loc=EventLocation(extracted_place="Berlin", resolved_place="Berlin", country_code="DEU",
                                          lat=52.52, lon=13.40, resolution=4))
    return Extraction(article=article, actors=(ActorMention(text="FRA", start=a, end=a + 3, name="France",
                                                            code="FRA"),), events=(event,))


def fill(store: Store) -> None:
    store.write([make_extraction(i) for i in range(N_PLAIN)] + [hostile_extraction()])


@pytest.fixture
def filled_store(db_url: str) -> Iterator[Store]:  # noqa: F811
    store = Store.open(Settings(database_url=db_url))
    fill(store)
    yield store
    store.close()


@pytest.fixture
def client(filled_store: Store) -> Iterator[TestClient]:
    settings = Settings(database_url=str(filled_store.engine.url), api_token=TOKEN)
    with TestClient(create_app(settings, filled_store)) as c:
        yield c
