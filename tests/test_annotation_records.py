"""The TypedDicts of chronique.annotations.records name every key the stages write on the Doc:
mypy checks the code that reads them, and these tests check what a real run writes."""

from __future__ import annotations

from typing import Any

import pytest

from chronique.annotations.records import (
    ActorMention,
    EventParty,
    EventRecord,
    FurnitureRecord,
    PlaceMention,
    TimeRecord,
    TransferRecord,
    WeaponRecord,
)
from chronique.schema import Article

RECORDS: dict[str, Any] = {
    "ch_actors": ActorMention, "ch_places": PlaceMention, "ch_times": TimeRecord, "ch_weapons": WeaponRecord,
    "ch_events": EventRecord, "ch_transfers": TransferRecord, "ch_furniture": FurnitureRecord,
}


def _keys(record_type: Any) -> frozenset[str]:
    return frozenset(record_type.__required_keys__ | record_type.__optional_keys__)


def _undeclared(record: dict[str, Any], record_type: Any) -> set[str]:
    return set(record) - _keys(record_type)


def test_every_record_has_a_docstring_and_keys() -> None:
    for record_type in [*RECORDS.values(), EventParty]:
        assert record_type.__doc__ and _keys(record_type), record_type.__name__


def test_an_event_s_public_keys_are_the_schema_event_s() -> None:
    from dataclasses import fields

    from chronique.schema import Event

    public = {k for k in _keys(EventRecord) if not k.startswith("_")}
    assert public == {f.name for f in fields(Event)}


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "By Ana Ruiz\n\nMADRID, March 3 (Agency) - Spain will deliver six Leopard 2 tanks to Ukraine, the "
           "defence minister said on Monday. The minister condemned the attack on Kharkiv. Moscow rejected "
           "the criticism in Minsk."),
    ("fr", "Le Mali a accusé l'Algérie d'ingérence mardi à Bamako. Le gouvernement français livrera "
           "douze canons Caesar à l'Arménie l'an prochain, a annoncé le ministère."),
])
def test_what_the_stages_write_is_declared(pipeline: Any, lang: str, text: str) -> None:
    article = pipeline.prepare(Article.create(text, language=lang, published="2024-03-05"))
    doc, _ = pipeline.annotator.annotate_doc(article)
    seen = set()
    for name, record_type in RECORDS.items():
        for record in doc._.get(name) or []:
            seen.add(name)
            assert not _undeclared(record, record_type), (name, _undeclared(record, record_type))
            for role in ("actor", "recipient") if name == "ch_events" else ():
                party = record.get(role)
                assert party is None or not _undeclared(party, EventParty), (role, party)
    assert {"ch_actors", "ch_places", "ch_times", "ch_events"} <= seen
