"""An attack told by a noun whose phrase names no doer (chronique.coding.unnamed_doer): the doer is
unknown, never the place, the victims or whoever reports it; a dated one is coded at the default
floor, as the Wikinews scheme codes dated attacks. Every sentence was written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc
from lexicon_helpers import Triple, event_triples
from spacy.tokens import Doc

from chronique.annotations.records import ActorMention
from chronique.coding.role_parse import Roles
from chronique.coding.unnamed_doer import READ_DOER, UNKNOWN, agentless, dated, named_attack_confidence


def _attack_subject(with_date: bool) -> Doc:
    # "Une attaque a tué dix personnes ( le 3 mai ) ." : the attack noun is the subject of "tuer"
    rows = [("Une", "un", "DET", "det", 1), ("attaque", "attaque", "NOUN", "nsubj", 3),
            ("a", "avoir", "AUX", "aux", 3), ("tué", "tuer", "VERB", "ROOT", 3),
            ("dix", "dix", "NUM", "nummod", 5), ("personnes", "personne", "NOUN", "obj", 3)]
    if with_date:
        rows += [("le", "le", "DET", "det", 8), ("3", "3", "NUM", "nummod", 8), ("mai", "mai", "NOUN", "obl", 3)]
    doc = parsed_doc("fr", [*rows, (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_times = [{"text": "le 3 mai", "start": doc.text.index("le 3 mai"),
                       "end": doc.text.index("le 3 mai") + 8}] if with_date else []
    return doc


UNKNOWN_DOER: ActorMention = {"code": UNKNOWN, "sector": None}


def test_an_act_noun_with_no_parsed_doer_names_none() -> None:
    doc = _attack_subject(False)
    assert agentless(doc[1], Roles(), frozenset())
    assert not agentless(doc[1], Roles(sources=[{"code": "RUS"}], source_parsed=True), frozenset())
    # an active verb with no parsed subject is no agentless act: its guess stands
    assert not agentless(doc[3], Roles(), frozenset())
    # an act noun that is a verb's object is that verb's matter ("a condamné l'attaque"): the roles decide
    doc[1].dep_ = "obj"
    assert not agentless(doc[1], Roles(), frozenset())


def test_a_date_in_the_clause_of_the_attack_noun_dates_it() -> None:
    assert dated(_attack_subject(True)[1])
    assert not dated(_attack_subject(False)[1])


def test_a_dated_attack_noun_by_an_unknown_doer_is_read_not_guessed() -> None:
    noun = _attack_subject(True)[1]
    roles = Roles(sources=[UNKNOWN_DOER])
    assert named_attack_confidence("ASSAULT", noun, roles, 0.35) == pytest.approx(0.35 + READ_DOER)
    # undated, another class, a named doer, or a verb: the confidence stays
    assert named_attack_confidence("ASSAULT", _attack_subject(False)[1], roles, 0.35) == 0.35
    assert named_attack_confidence("PROTEST", noun, roles, 0.35) == 0.35
    assert named_attack_confidence("ASSAULT", noun, Roles(sources=[{"code": "PAK"}]), 0.35) == 0.35
    assert named_attack_confidence("ASSAULT", noun.head, roles, 0.35) == 0.35


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    # the attacker is unknown; the place's country is hit
    ("Le 3 mai, une attaque a tué dix personnes à Quetta, au Pakistan.", ("ASSAULT", UNKNOWN, "PAK")),
    ("Le 8 avril, un attentat a tué douze civils dans un marché de Kaboul, en Afghanistan.",
     ("ASSAULT", UNKNOWN, "AFG")),
])
def test_a_dated_attack_by_unnamed_attackers(pipeline: Any, text: str, triple: Triple) -> None:
    found = event_triples(pipeline, text, "fr", "2024-05-12")
    assert triple in found
    assert not any(event == "ASSAULT" and actor == triple[2] for event, actor, _ in found)


@pytest.mark.model
def test_an_undated_attack_noun_stays_under_the_default_floor(pipeline: Any) -> None:
    # a mention of an attack told before, with no date of its own: no new event at the default floor
    text = "Un attentat a tué douze civils dans un marché de Kaboul, en Afghanistan."
    assert ("ASSAULT", UNKNOWN, "AFG") not in event_triples(pipeline, text, "fr", "2024-05-12")


@pytest.mark.model
def test_a_doer_the_attack_noun_names_is_kept(pipeline: Any) -> None:
    found = event_triples(pipeline, "L'offensive de la Turquie contre la Syrie a commencé le 9 octobre.", "fr",
                          "2024-05-12")
    assert ("ASSAULT", "TUR", "SYR") in found
    assert not any(actor == UNKNOWN for _, actor, _ in found)
