# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Near-duplicate links at write time and merged event views, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from test_store_helpers import db_url, make_extraction, store  # noqa: F401  (fixtures)
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.ids import event_id
from chronique.schema import Article, Event, EventActor, EventLocation, Extraction, TextInfo
from chronique.settings import Settings
from chronique.store.query import EventQuery
from chronique.store.store import Store
from chronique.store.tables import article_links

STORY = ("Le ministre de la défense de Valdorie a annoncé mardi à Minsk la livraison prochaine de deux "
         "batteries de missiles à son voisin, une décision que plusieurs diplomates jugent lourde de "
         "conséquences pour la région. Selon le communiqué publié dans la soirée, le matériel sera "
         "acheminé par voie ferrée avant la fin du mois, et des instructeurs accompagneront les équipes "
         "chargées de sa mise en service. L'opposition a dénoncé un accord négocié sans débat au parlement.")
OTHER = ("Réunis à Minsk, les deux gouvernements ont signé un accord de coopération militaire qui prévoit "
         "la fourniture de systèmes de défense aérienne, a indiqué un porte-parole lors d'un point presse "
         "convoqué en urgence; les détails financiers n'ont pas été rendus publics et aucun calendrier "
         "précis n'a été communiqué aux journalistes présents dans la capitale ce jour-là.")


def report(text: str, source: str) -> Extraction:
    """An article reporting one event: Russia pledges to Belarus, at Minsk, on 2022-06-25."""
    article = Article.create(text, title="Dépêche", source=source, language="fr", published="2022-06-25")
    eid = event_id(article.id, 0, len(text), "AID", "RUS", "BLR")
    event = Event(id=eid, event="AID", date="2022-06-25", date_precision="day",
                  actor=EventActor(code="RUS", entity_text="Russie", start=0, end=6),
                  recipient=EventActor(code="BLR", entity_text="Biélorussie", start=7, end=18),
                  event_text=text[:80], text_info=TextInfo(sequence=1, start=0, end=80), cameo="070",
                  event_loc=EventLocation(extracted_place="Minsk", resolved_place="Minsk", country_code="BLR",
                                          resolution=4),
                  confidence=0.7, coder="test", sources=(article.id,))
    return Extraction(article=article, events=(event,))


def wire_copies() -> tuple[Extraction, Extraction]:
    return report(STORY, "agence/1.txt"), report("MINSK (Agence) - " + STORY + " (avec Reuters)", "journal/2.txt")


def links(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as connection:
        return sorted(tuple(r) for r in connection.execute(select(article_links)))


def test_wire_copies_get_one_link_whatever_the_order(db_url: str, tmp_path: Path) -> None:
    first, second = wire_copies()
    found = []
    for n, order in enumerate(((first, second), (second, first))):
        url = db_url if n == 0 else f"sqlite:///{tmp_path / 'reverse.db'}"
        with Store.open(Settings(database_url=url)) as s:
            written = [s.write([x]) for x in order]  # two runs: the link crosses them
            assert [w.links for w in written] == [0, 1]
            found.append(links(s))
    assert found[0] == found[1]
    [(article, duplicate_of, score)] = found[0]
    assert (article, duplicate_of) == (max(first.article.id, second.article.id),
                                       min(first.article.id, second.article.id))
    assert 0.8 <= score < 1.0


def test_copies_in_one_batch_are_linked_and_a_resumed_run_adds_nothing(store: Store) -> None:
    first, second = wire_copies()
    batch = [first, second, *(make_extraction(i) for i in range(4))]
    assert store.write(batch).links == 1
    again = store.write(batch)
    assert again.links == 0 and again.already_stored == len(batch)
    assert len(links(store)) == 1
    assert store.duplicate_pairs() == [(min(first.article.id, second.article.id),
                                        max(first.article.id, second.article.id), links(store)[0][2])]
    assert store.duplicate_pairs([make_extraction(0).article.id]) == []


def test_unrelated_articles_are_not_linked(store: Store) -> None:
    assert store.write([report(STORY, "a.txt"), report(OTHER, "b.txt")]).links == 0
    assert store.duplicate_pairs() == []


def test_merged_events_keep_every_source_and_count_copies_once(store: Store) -> None:
    first, second = wire_copies()
    independent = report(OTHER, "autre/3.txt")
    store.write([first, second, independent, make_extraction(1)])
    [merged] = store.merged_events(EventQuery(actor="RUS", type="AID"))
    assert set(merged.sources) == {first.article.id, second.article.id, independent.article.id}
    assert merged.independent_sources == 2  # the wire copy is the same story
    assert len(merged.members) == 3
    assert len(store.merged_events(EventQuery(limit=None))) == 2
    assert len(store.merged_events(EventQuery(limit=1))) == 1


def test_events_merge_prints_one_event_with_both_sources(db_url: str) -> None:
    runner = CliRunner()
    one, two = report(STORY, "a.txt"), report(OTHER, "b.txt")
    with Store.open(Settings(database_url=db_url)) as s:
        s.write([one, two])
    plain = runner.invoke(app, ["events", "--db", db_url, "--format", "jsonl"])
    assert plain.exit_code == 0 and len(plain.stdout.splitlines()) == 2
    result = runner.invoke(app, ["events", "--db", db_url, "--merge", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(record["sources"]) == sorted([one.article.id, two.article.id])
    assert record["independent_sources"] == 2
    table = runner.invoke(app, ["events", "--db", db_url, "--merge"])
    assert table.exit_code == 0 and "1 merged event(s)" in table.stdout
