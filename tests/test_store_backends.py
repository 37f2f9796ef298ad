# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""The store on both backends: idempotent writes, queries, full-text search, failures, migrations."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from test_store_helpers import db_url, make_extraction, store  # noqa: F401  (fixtures)

from chronique.errors import UsageError
from chronique.report import Failure
from chronique.settings import Settings
from chronique.store.query import EventQuery
from chronique.store.store import Store
from chronique.store.tables import metadata


def test_migrations_build_exactly_the_tables_of_the_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert [d for d in diff if "articles_fts" not in repr(d)] == []


def test_writing_the_same_batch_twice_changes_nothing(store: Store) -> None:
    batch = [make_extraction(i) for i in range(9)]
    first = store.write(batch)
    assert (first.articles, first.events, first.transfers) == (9, 9, 3)
    before = store.counts()
    again = store.write([*batch, make_extraction(3)])
    assert again.articles == 0 and again.already_stored == 10
    assert store.counts() == before


def test_events_round_trip_with_their_sources(store: Store) -> None:
    x = make_extraction(5)
    store.write([x])
    [event] = store.events()
    assert event == x.events[0]
    assert list(store.iter_transfers()) == []
    [article] = store.iter_articles()
    assert article == x.article


def test_filters_select_the_matching_events(store: Store) -> None:
    store.write([make_extraction(i) for i in range(24)])
    by_actor = store.events(EventQuery(actor="rus", limit=None))
    assert by_actor and all(e.actor and e.actor.code == "RUS" for e in by_actor)
    assert len(by_actor) == 6
    typed = store.events(EventQuery(actor="RUS", type="agree", since="2022-03-01", until="2022-09-30"))
    assert typed and all("2022-03-01" <= (e.date or "") <= "2022-09-30" for e in typed)
    assert {e.cameo for e in store.events(EventQuery(cameo="03"))} == {"0332"}
    assert all(e.event_loc and e.event_loc.country_code == "UKR" for e in store.events(EventQuery(country="ukr")))
    assert {e.event_loc.resolved_place for e in store.events(EventQuery(place="kyi")) if e.event_loc} == {"Kyiv"}
    assert len(store.events(EventQuery(limit=5))) == 5
    dates = [e.date for e in store.events(EventQuery(limit=None))]
    assert dates == sorted(dates, reverse=True)


def test_full_text_search_folds_accents_and_reads_phrases(store: Store) -> None:
    store.write([make_extraction(i) for i in range(6)])
    assert len(store.events(EventQuery(text="Bielorussie"))) == 6  # stored as "Biélorussie"
    [one] = store.events(EventQuery(text='"numero 4"'))
    assert "numéro 4" in one.event_text
    assert len(store.events(EventQuery(text='"numéro 4" OR "numéro 5"'))) == 2
    assert store.events(EventQuery(text="Zanzibar")) == []
    with pytest.raises(UsageError):
        store.events(EventQuery(text=" -- "))


def test_failures_are_recorded_once(store: Store) -> None:
    bad = Failure(source="feed.jsonl", record="3", code="BAD_FORMAT", message="expected JSON", at="2026-01-01T00:00:00")
    store.write([make_extraction(1)], [bad])
    store.write([], [bad])
    [found] = store.failures()
    assert found == bad
    assert store.failures(code="NO_TEXT") == []


def test_reopening_does_not_migrate_again(db_url: str) -> None:
    with Store.open(Settings(database_url=db_url)) as s:
        s.write([make_extraction(2)])
    with Store.open(Settings(database_url=db_url)) as s:
        assert s.counts()["articles"] == 1


def test_bad_dates_are_rejected_before_querying() -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        EventQuery(since="26/06/2022")


def test_frequent_text_query_walks_events_and_agrees_with_the_in_list_plan(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the threshold the store walks events newest first; the answer must not change."""
    import chronique.store.store as store_module
    from chronique.store.query import EventQuery
    from chronique.store.store import Store

    with Store.open(Settings(database_url=db_url)) as s:
        s.write([make_extraction(i) for i in range(12)])
        query = EventQuery(text="Bielorussie", limit=5)
        monkeypatch.setattr(store_module, "WALK_THRESHOLD", 10_000)
        planned = [e.id for e in s.events(query)]
        monkeypatch.setattr(store_module, "WALK_THRESHOLD", 0)
        walked = [e.id for e in s.events(query)]
        everything = [e.id for e in s.events(EventQuery(text="Bielorussie", limit=None))]
        by_actor = EventQuery(text="Bielorussie", actor="RUS", limit=3)
        monkeypatch.setattr(store_module, "WALK_THRESHOLD", 10_000)
        actor_planned = [e.id for e in s.events(by_actor)]
        monkeypatch.setattr(store_module, "WALK_THRESHOLD", 0)
        actor_walked = [e.id for e in s.events(by_actor)]
    assert planned and walked == planned
    assert walked == everything[:5]
    assert actor_planned and actor_walked == actor_planned


def test_transfers_round_trip_with_every_evidence_span_and_their_source(store: Store) -> None:
    from dataclasses import replace

    from chronique.schema import EvidenceSpan

    x = make_extraction(3)
    [transfer] = x.transfers
    text = x.article.text
    spans = (EvidenceSpan(0, 10, text[:10]), EvidenceSpan(12, 20, text[12:20]))
    told = replace(transfer, evidence_spans=spans, reported_by="the ministry of defence")
    store.write([replace(x, transfers=(told,))])
    assert list(store.iter_transfers()) == [told]
