"""Helpers of the store tests (no tests here): hand-built Extractions (no spaCy) and the store fixture,
parametrised over SQLite and, when CHRONIQUE_TEST_POSTGRES_URL is set, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from chronique.ids import event_id
from chronique.schema import (
    ActorMention,
    Article,
    Event,
    EventActor,
    EventLocation,
    Evidence,
    Extraction,
    Place,
    TextInfo,
    Transfer,
)
from chronique.settings import Settings
from chronique.store.store import Store

PAIRS = [("RUS", "BLR", "AGREE", "0332", "Minsk", "BLR"), ("FRA", "DEU", "CONSULT", "040", "Berlin", "DEU"),
         ("USA", "UKR", "AID", "070", "Kyiv", "UKR"), ("UKR", "RUS", "ACCUSE", "112", "Kharkiv", "UKR")]


def make_extraction(n: int, *, lang: str = "fr") -> Extraction:
    """Article ``n``: a one-sentence report of one event (and one transfer for every third)."""
    actor, recipient, kind, cameo, place, country = PAIRS[n % len(PAIRS)]
    day = f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}"
    sentence = (f"Le gouvernement {actor} a conclu un accord numéro {n} avec {recipient} à {place}, "
                f"dit l'envoyé spécial en Biélorussie." if lang == "fr" else
                f"The {actor} government reached agreement number {n} with {recipient} in {place}.")
    article = Article.create(sentence, title=f"Dépêche {n}", source=f"wire/{n}.txt", language=lang,
                             published=day)
    start = sentence.index(actor)
    r_start = sentence.index(recipient, start + len(actor))
    eid = event_id(article.id, 0, len(sentence), kind, actor, recipient)
    event = Event(
        id=eid, event=kind, date=day, date_precision="day",
        actor=EventActor(code=actor, sector="GOV", entity_text=actor, start=start, end=start + len(actor)),
        recipient=EventActor(code=recipient, entity_text=recipient, start=r_start, end=r_start + len(recipient)),
        event_text=sentence, text_info=TextInfo(sequence=1, start=0, end=len(sentence)), cameo=cameo,
        context=("military",), quad_code=1,
        event_loc=EventLocation(extracted_place=place, resolved_place=place, country_code=country, resolution=4),
        confidence=0.8, coder="test", sources=(article.id,),
    )
    transfers = ()
    if n % 3 == 0:
        transfers = (Transfer(supplier=actor, recipient=recipient, weapon="Iskander-M", category="missile system",
                              status="pledged", date=day, event_id=eid, evidence=Evidence(0, len(sentence))),)
    p_start = sentence.index(place)
    return Extraction(
        article=article,
        actors=(ActorMention(text=actor, start=start, end=start + len(actor), name=actor, code=actor),),
        places=(Place(text=place, start=p_start, end=p_start + len(place), name=place, country_code=country),),
        events=(event,), transfers=transfers,
    )

PG_ENV = "CHRONIQUE_TEST_POSTGRES_URL"


def fresh_postgres_url() -> Iterator[str]:
    """A new empty database on the test cluster, dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is unset (scripts/postgres starts a server)")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        yield from fresh_postgres_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(Settings(database_url=db_url))
    yield s
    s.close()


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but timestamps and surrogate keys, sorted: two stores' content.
    A copy of a surrogate key (event_sources.article_pk) is left out too, since PostgreSQL's
    sequences skip the values of a killed transaction; instead it must name its own article."""
    from sqlalchemy import select

    from chronique.store.tables import TABLES, articles, event_sources

    out = {}
    with store.engine.connect() as connection:
        for table in TABLES:
            # surrogate keys (pk, and references to one such as event_sources.article_pk) differ
            # between two stores with the same content: PostgreSQL sequences skip the values a
            # killed transaction took
            columns = [c for c in table.c if c.name not in ("pk", "at") and not c.name.endswith("_pk")]
            out[table.name] = sorted(tuple(r) for r in connection.execute(select(*columns)))
        joined = select(event_sources.c.article_id, articles.c.id).select_from(
            event_sources.outerjoin(articles, articles.c.pk == event_sources.c.article_pk))
        out["article_pk names its article"] = [(all(a == b for a, b in connection.execute(joined)),)]
    return out
