# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Full-text queries served by the date-keyed index give the straightforward query's answer: same
events, same order, alone or with filters, on both backends, and after the 0003 → head and
0004 → head upgrades (0005: event sources carry their article's pk)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from test_store_helpers import db_url  # noqa: F401  (fixture)

import chronique.store.search as search_module
import chronique.store.store as store_module
from chronique.ids import event_id
from chronique.schema import Article, Event, EventActor, EventLocation, Extraction, TextInfo
from chronique.settings import Settings
from chronique.store import engine as engines
from chronique.store import fts, rows
from chronique.store.query import EventQuery, event_select
from chronique.store.store import Store
from chronique.store.tables import articles, event_sources, events

CODES = ["RUS", "UKR", "FRA", "DEU", "USA", "BLR"]
KINDS = ["AGREE", "CONSULT", "AID", "ACCUSE"]


def _date(rng: random.Random) -> str | None:
    """Mostly days over two years; some months, some undated events, many shared days (ties)."""
    day = date(2021, 1, 1) + timedelta(days=rng.randrange(0, 730, 3))
    roll = rng.random()
    if roll < 0.03:
        return "s.d."  # malformed: sorts after every day
    if roll < 0.1:
        return None
    if roll < 0.2:
        return day.isoformat()[:7]
    return day.isoformat()


def _extraction(n: int, rng: random.Random, *, cites: tuple[str, ...] = (), word: str = "") -> Extraction:
    """Article ``n`` reporting one to four events; every article says "accord", some say ``word``."""
    sentence = f"Communiqué {n}: un accord entre les délégations {word} a été annoncé hier soir."
    article = Article.create(sentence, title=f"Dépêche {n}", source=f"t/{n}", language="fr")
    found = []
    for j in range(rng.randint(1, 4)):
        actor, recipient, kind = rng.choice(CODES), rng.choice(CODES), rng.choice(KINDS)
        eid = event_id(article.id, j, j + 5, kind, actor, recipient)
        found.append(Event(
            id=eid, event=kind, date=_date(rng), actor=EventActor(code=actor, entity_text=actor, start=0, end=3),
            recipient=EventActor(code=recipient, entity_text=recipient, start=4, end=7), event_text=sentence,
            text_info=TextInfo(sequence=1, start=0, end=len(sentence)), cameo="030", confidence=0.5, coder="t",
            event_loc=EventLocation(resolved_place="Minsk", country_code=rng.choice(CODES)),
            sources=(article.id, *cites)))
    return Extraction(article=article, events=tuple(found))


def _corpus() -> tuple[list[Extraction], list[Extraction]]:
    """A first batch, then a second whose events also cite first-batch articles (with later dates
    for some), which moves those articles up the date-keyed index."""
    rng = random.Random(7)
    first = [_extraction(n, rng, word="zircon" if n % 5 == 0 else "") for n in range(60)]
    second = [_extraction(100 + n, rng, cites=(first[(7 * n) % 60].article.id,)) for n in range(40)]
    return first, second


QUERIES = [
    EventQuery(text="accord", limit=1), EventQuery(text="accord", limit=7), EventQuery(text="accord"),
    EventQuery(text="zircon", limit=10), EventQuery(text="zircon délégations", limit=25),
    EventQuery(text='zircon OR "Communiqué 101"', limit=12),
    EventQuery(text="accord", actor="RUS", limit=5), EventQuery(text="zircon", recipient="ukr", limit=4),
    EventQuery(text="accord", type="AID", since="2021-06-01", until="2022-03-31", limit=9),
    EventQuery(text="accord", country="FRA", until="2021-12-01", limit=30), EventQuery(text="accord", limit=0),
    EventQuery(text="zircon", since="2022-10-01", limit=50), EventQuery(text="absent", limit=5),
    EventQuery(text="zircon", until="2022-06-01", limit=5), EventQuery(text="zircon", limit=20),
]


def _straightforward(store: Store, query: EventQuery) -> list[str]:
    with store.engine.connect() as connection:
        return [r.id for r in connection.execute(event_select(query, store.dialect))]


def _check_every_query(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "WALK_THRESHOLD", 0)  # the walk even for a handful of matches
    for candidates, batch in ((1, 1), (8, 16), (100_000, 1000)):
        monkeypatch.setattr(search_module, "FIRST_CANDIDATES", candidates)
        monkeypatch.setattr(search_module, "FIRST_BATCH", batch)
        for query in QUERIES:
            assert [e.id for e in store.events(query)] == _straightforward(store, query), (candidates, query)


def test_walk_agrees_with_the_straightforward_query(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _corpus()
    with Store.open(Settings(database_url=db_url)) as store:
        store.write(first)
        store.write(second + first)  # cited articles are linked when the batch holds them again
        assert len(_straightforward(store, EventQuery(text="zircon", limit=None))) > 20
        _check_every_query(store, monkeypatch)


def _store_by_hand(db_url: str, revision: str, *, keyed: bool) -> None:
    """The corpus written as the store wrote it at ``revision``: FTS rowids keyed by each article's
    newest event date (from 0004) or plain pks (before), and event sources without article pks."""
    first, second = _corpus()
    batch = first + second
    sources = [{"event_id": e.id, "article_id": s} for x in batch for e in x.events for s in e.sources]
    dates = {e.id: e.date for x in batch for e in x.events}
    newest: dict[str, str] = {}
    for r in sources:
        d = dates[r["event_id"]]
        if d is not None and d > newest.get(r["article_id"], ""):
            newest[r["article_id"]] = d
    engine = engines.make_engine(Settings(database_url=db_url))
    engines.upgrade(engine, revision)
    with engine.begin() as connection:
        connection.execute(insert(articles), [rows.article_row(x) for x in batch])
        pks = {r.id: r.pk for r in connection.execute(articles.select())}
        fts.index_articles(connection, [
            {"pk": pks[x.article.id], "title": x.article.title, "text": x.article.text, "language": "fr",
             "key": fts.search_key(newest.get(x.article.id)) if keyed else 0} for x in batch])
        connection.execute(insert(events), [rows.event_row(e, x.article.id) for x in batch for e in x.events])
        connection.execute(insert(event_sources), sources)
    engine.dispose()


def _assert_sources_carry_article_pks(store: Store) -> None:
    with store.engine.connect() as connection:
        found = connection.execute(select(event_sources.c.article_pk, articles.c.pk)
                                   .join(articles, articles.c.id == event_sources.c.article_id,
                                         isouter=True)).all()
    assert found and all(kept == pk and pk is not None for kept, pk in found)


def test_upgrade_from_0003_keys_the_stored_articles(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows written under revision 0003 (FTS rowid = pk) are found in order after the upgrade."""
    _store_by_hand(db_url, "0003", keyed=False)
    with Store.open(Settings(database_url=db_url)) as store:
        assert engines.current_revision(store.engine) == engines.head_revision()
        _check_every_query(store, monkeypatch)


def test_upgrade_from_0004_fills_the_article_pk_of_every_source(db_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Sources written under revision 0004 (no article_pk) get their article's pk, and full-text
    queries with a filter, which read it, keep the straightforward answer."""
    _store_by_hand(db_url, "0004", keyed=True)
    with Store.open(Settings(database_url=db_url)) as store:
        assert engines.current_revision(store.engine) == engines.head_revision()
        _assert_sources_carry_article_pks(store)
        _check_every_query(store, monkeypatch)


def test_the_writer_fills_the_article_pk_of_new_and_cited_articles(db_url: str) -> None:
    first, second = _corpus()
    with Store.open(Settings(database_url=db_url)) as store:
        store.write(first)
        store.write(second + first)  # cites first-batch articles, stored by then
        _assert_sources_carry_article_pks(store)
        with store.engine.connect() as connection:
            cited = connection.scalar(select(func.count()).select_from(event_sources)
                                      .where(event_sources.c.article_id.in_([x.article.id for x in first]))
                                      .where(event_sources.c.event_id.in_([e.id for x in second for e in x.events])))
        assert cited == sum(len(x.events) for x in second)


def test_filter_windows_grow_back_in_time_and_the_last_takes_the_rest(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows move strictly back in time, at least doubling their candidates, and end with the
    rest (undated events included) when the limit is out of reach."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the date-keyed walk is SQLite's (PostgreSQL tests candidates' tsvectors)")
    first, second = _corpus()
    windows: list[int] = []
    original = search_module._window

    def spy(dated: Any, lo: int, hi: int, *, first: bool) -> Any:
        windows.append(lo)
        return original(dated, lo, hi, first=first)

    monkeypatch.setattr(store_module, "WALK_THRESHOLD", 0)
    monkeypatch.setattr(search_module, "FIRST_CANDIDATES", 1)
    monkeypatch.setattr(search_module, "_window", spy)
    with Store.open(Settings(database_url=db_url)) as store:
        store.write(first + second)
        for limit in (1, 1000):  # 1000: more than there are
            windows.clear()
            query = EventQuery(text="zircon", actor="BLR", limit=limit)
            assert [e.id for e in store.events(query)] == _straightforward(store, query)
            assert windows == sorted(windows, reverse=True) and len(set(windows)) == len(windows)
            assert (windows[-1] == 0) == (limit == 1000)
            assert len(windows) <= 8  # candidates at least double: about log2 of the filter's events


@pytest.mark.parametrize(("newest", "day"), [
    ("2022-06-25", "2022-06-25"), ("2022-06", "2022-05-31"), ("2022", "2021-12-31"),
    ("2022-13-40", "2022-12-31"), ("2022-06-25T10:00", "2022-06-25"), ("s.d.", "9999-12-31"),
])
def test_search_key_is_the_last_day_sorting_at_or_before_the_date(newest: str, day: str) -> None:
    assert fts.day(fts.search_key(newest)) == day


def test_search_key_without_a_date_is_zero_and_keys_keep_string_order() -> None:
    assert fts.search_key(None) == fts.search_key("") == 0
    dates = sorted(["2021-01-01", "2021-01", "2021", "2020-12-31", "2021-01-02", "1999-07", "2021-02-30"])
    keys = [fts.search_key(d) for d in dates]
    assert keys == sorted(keys)
    assert fts.fts_rowid(5, 2) & fts.PK_MASK == 5 and fts.fts_rowid(5, 2) >> fts.KEY_SHIFT == 2
