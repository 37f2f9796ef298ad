"""The transfers stage: hand-built Docs (no model) and, marked `model`, real sentences."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from chronique.knowledge.weapons import load_catalogue
from chronique.nlp.extensions import register_extensions
from chronique.nlp.transfers import TransferBuilder
from chronique.nlp.weapons import WeaponTagger


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _event(text: str, kind: str, actor: str, recipient: str | None, trigger: str, lemma: str,
           modality: str = "asserted") -> dict[str, Any]:
    return {"event": kind, "modality": modality, "date": "2023-01-25", "_lemma": lemma,
            "actor": {"code": actor}, "recipient": {"code": recipient} if recipient else None,
            "_trigger": list(_span(text, trigger)), "_clause": [0, len(text)],
            "text_info": {"sequence": 1, "start": 0, "end": len(text)}}


def build(text: str, events: list[dict[str, Any]], lang: str = "en") -> list[dict[str, Any]]:
    register_extensions()
    catalogue = load_catalogue()
    doc = spacy.blank(lang)(text)
    WeaponTagger(lang, catalogue)(doc)
    doc._.ch_events = events
    TransferBuilder(lang, catalogue)(doc)
    return list(doc._.ch_transfers)


def test_delivery_event_gives_a_delivered_record() -> None:
    text = "Germany delivered 14 Leopard 2 tanks to Ukraine."
    (t,) = build(text, [_event(text, "AID", "DEU", "UKR", "delivered", "deliver")])
    assert (t["supplier"], t["recipient"], t["weapon"], t["category"], t["status"]) == (
        "DEU", "UKR", "Leopard 2", "tank", "delivered")
    assert t["event_index"] == 0 and t["date"] == "2023-01-25" and t["weapon_text"] == "Leopard 2"


def test_the_requester_is_the_recipient() -> None:
    text = "Kiev demande des armes lourdes à ses alliés."
    (t,) = build(text, [_event(text, "REQUEST", "UKR", None, "demande", "demander")], lang="fr")
    assert (t["supplier"], t["recipient"], t["category"], t["status"]) == (None, "UKR", "heavy weapons", "requested")


def test_no_weapon_no_transfer_and_no_transfer_event_no_transfer() -> None:
    text = "France promised support to Ukraine."
    assert build(text, [_event(text, "AGREE", "FRA", "UKR", "promised", "promise")]) == []
    text = "Russian artillery shelled the town with Grad rockets."
    assert build(text, [_event(text, "ASSAULT", "RUS", "UKR", "shelled", "shell")]) == []


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    ("La Russie livrera des systèmes S-400 à la Turquie.", "fr", ("RUS", "TUR", "S-400", "pledged")),
    ("The United States delivered HIMARS launchers to Ukraine on Monday.", "en",
     ("USA", "UKR", "HIMARS", "delivered")),
    ("Les avions polonais MiG-29 pourraient être modernisés dans les usines ukrainiennes.", "fr",
     ("UKR", "POL", "MiG-29", "upgrade")),
])
def test_real_sentences(pipeline: Any, text: str, lang: str, expected: tuple[str, ...]) -> None:
    transfers = pipeline.extract(text, lang=lang, published="2023-03-06").transfers
    assert any((t.supplier, t.recipient, t.weapon, t.status) == expected for t in transfers), transfers


@pytest.mark.model
def test_a_weapon_named_as_history_is_not_transferred(pipeline: Any) -> None:
    text = "Le Caesar a remplacé les anciens canons tractés de l'armée française."
    assert pipeline.extract(text, lang="fr", published="2023-03-06").transfers == ()
