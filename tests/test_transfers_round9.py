"""Transfer frames of real reporting, round 9 (issue 19), on sentences written for these tests:
an accused state gives, disarmament, own forces sent to strike or offered with units, purchases in
a condition, readiness as an offer, an owner's own weapons arriving abroad, "Lynx" in an arms
context, plural pronouns standing for coordinated states, and a recipient carried over by "also"."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from test_transfers_frames import Row, _rows

from chronique.arms.conditions import conditioned, readied
from chronique.arms.disarmament import disarmed
from chronique.arms.missions import sent_to_strike, set_off_at, with_units
from chronique.arms.status import by_modality, event_direction
from chronique.knowledge.weapons import Trigger, load_catalogue


def _doc(lang: str, words: list[str], pos: list[str], lemmas: list[str], deps: list[str], heads: list[int]) -> Doc:
    return Doc(spacy.blank(lang).vocab, words=words, pos=pos, lemmas=lemmas, deps=deps, heads=heads)


def test_a_hypothesis_gives_no_status_and_no_event_direction() -> None:
    assert by_modality("ordered", "hypothetical") is None and by_modality("delivered", "hypothetical") is None
    assert event_direction("REQUEST", "hypothetical", None) is None
    assert event_direction("AID", "hypothetical", Trigger("sell", "agreed", "supplier")) is None
    assert by_modality("delivered", "conditional") == "offered"


def test_a_condition_mark_on_the_clause_or_the_verb_it_completes() -> None:
    # "if Oslo decides to buy guns , …"
    doc = _doc("en", ["if", "Oslo", "decides", "to", "buy", "guns", ",", "Rome", "objects"],
               ["SCONJ", "PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT", "PROPN", "VERB"],
               ["if", "oslo", "decide", "to", "buy", "gun", ",", "rome", "object"],
               ["mark", "nsubj", "advcl", "aux", "xcomp", "dobj", "punct", "nsubj", "ROOT"],
               [2, 2, 8, 4, 2, 4, 8, 8, 8])
    assert conditioned(doc[4]) and conditioned(doc[2]) and not conditioned(doc[8])
    doc = _doc("en", ["Oslo", "bought", "guns"], ["PROPN", "VERB", "NOUN"], ["oslo", "buy", "gun"],
               ["nsubj", "ROOT", "dobj"], [1, 1, 1])
    assert not conditioned(doc[1])


def test_readiness_adjectives_make_an_offer() -> None:
    doc = _doc("en", ["Oslo", "is", "ready", "to", "send", "guns"], ["PROPN", "AUX", "ADJ", "PART", "VERB", "NOUN"],
               ["oslo", "be", "ready", "to", "send", "gun"], ["nsubj", "ROOT", "acomp", "aux", "xcomp", "dobj"],
               [1, 1, 1, 4, 2, 4])
    assert readied(doc[4])
    doc = _doc("en", ["Oslo", "wants", "to", "send", "guns"], ["PROPN", "VERB", "PART", "VERB", "NOUN"],
               ["oslo", "want", "to", "send", "gun"], ["nsubj", "ROOT", "aux", "xcomp", "dobj"], [1, 1, 3, 1, 3])
    assert not readied(doc[3])


def test_own_arms_laid_down_or_handed_over_are_disarmament_not_named_systems() -> None:
    doc = _doc("en", ["Militias", "handed", "over", "their", "guns"], ["NOUN", "VERB", "ADP", "PRON", "NOUN"],
               ["militia", "hand", "over", "their", "gun"], ["nsubj", "ROOT", "prt", "poss", "dobj"], [1, 1, 1, 4, 1])
    assert disarmed(doc[4], "guns")
    assert not disarmed(doc[4], "Leopard 2")  # a named system handed over is transferred
    doc = _doc("en", ["Oslo", "handed", "over", "guns"], ["PROPN", "VERB", "ADP", "NOUN"],
               ["oslo", "hand", "over", "gun"], ["nsubj", "ROOT", "prt", "dobj"], [1, 1, 1, 1])
    assert not disarmed(doc[3], "guns")  # not said to be the holder's own


def test_a_strike_purpose_makes_own_forces_unless_someone_receives_first() -> None:
    doc = _doc("en", ["Rome", "sent", "jets", "to", "bomb", "camps"], ["PROPN", "VERB", "NOUN", "PART", "VERB", "NOUN"],
               ["rome", "send", "jet", "to", "bomb", "camp"], ["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj"],
               [1, 1, 1, 4, 1, 4])
    assert sent_to_strike(doc[1], (2, 3))
    doc = _doc("en", ["Rome", "sent", "Kyiv", "jets", "to", "bomb", "camps"],
               ["PROPN", "VERB", "PROPN", "NOUN", "PART", "VERB", "NOUN"],
               ["rome", "send", "kyiv", "jet", "to", "bomb", "camp"],
               ["nsubj", "ROOT", "compound", "dobj", "aux", "advcl", "dobj"], [1, 1, 3, 1, 5, 1, 5])
    assert not sent_to_strike(doc[1], (3, 4))  # a bare name before the weapons receives them


def test_a_munition_sent_into_a_common_place_is_set_off_not_handed_over() -> None:
    doc = _doc("en", ["drones", "dropped", "bombs", "onto", "the", "depot"],
               ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN"], ["drone", "drop", "bomb", "onto", "the", "depot"],
               ["nsubj", "ROOT", "dobj", "prep", "det", "pobj"], [1, 1, 1, 1, 5, 3])
    assert set_off_at(doc[1])
    doc = _doc("en", ["Oslo", "sent", "guns", "into", "Ukraine"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
               ["oslo", "send", "gun", "into", "ukraine"], ["nsubj", "ROOT", "dobj", "prep", "pobj"], [1, 1, 1, 1, 3])
    assert not set_off_at(doc[1])  # a named place may be a state that receives


def test_weapons_listed_with_units_are_forces() -> None:
    doc = _doc("en", ["Rome", "offered", "a", "brigade", "and", "six", "jets"],
               ["PROPN", "VERB", "DET", "NOUN", "CCONJ", "NUM", "NOUN"],
               ["rome", "offer", "a", "brigade", "and", "six", "jet"],
               ["nsubj", "ROOT", "det", "dobj", "cc", "nummod", "conj"], [1, 1, 3, 1, 3, 6, 3])
    assert with_units(doc[6:7])
    doc = _doc("en", ["Rome", "offered", "tanks", "and", "six", "jets"],
               ["PROPN", "VERB", "NOUN", "CCONJ", "NUM", "NOUN"],
               ["rome", "offer", "tank", "and", "six", "jet"], ["nsubj", "ROOT", "dobj", "cc", "nummod", "conj"],
               [1, 1, 1, 2, 5, 2])
    assert not with_units(doc[5:6])


def test_lynx_is_the_kf41_in_an_arms_context_and_the_helicopter_by_its_noun() -> None:
    catalogue = load_catalogue()
    found = [(m.alias.entry.designation, m.alias.ambiguous) for m in catalogue.find("six Lynx vehicles")]
    assert found == [("KF41 Lynx", True)]  # ambiguous: kept only with a military cue
    assert [m.alias.entry.designation for m in catalogue.find("two Lynx helicopters")] == ["Westland Lynx"]


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    ("Seoul accused Pyongyang of supplying Scud missiles to Syria.", "en", ("PRK", "SYR", "Scud", "delivered")),
    ("Paris accuse Moscou d'avoir livré des missiles Iskander à la Biélorussie.", "fr",
     ("RUS", "BLR", "Iskander-M", "delivered")),
    ("Sweden is prepared to send Archer howitzers to Ukraine.", "en", ("SWE", "UKR", "Archer", "offered")),
    ("Tokyo offered Manila a loan for twelve patrol ships.", "en", ("JPN", "PHL", "ship", "offered")),
    # a receiver named before the strike: the receiver strikes, the weapons are transferred
    ("Paris a livré des missiles SCALP à Kiev pour frapper des dépôts en Crimée.", "fr",
     ("FRA", "UKR", "Storm Shadow", "delivered")),
    ("London gave Kyiv Storm Shadow missiles to strike depots in Crimea.", "en",
     ("GBR", "UKR", "Storm Shadow", "delivered")),
])
def test_round9_frames(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    assert _rows(pipeline, text, lang) == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text, lang", [
    ("If Hanoi buys Su-30 jets from Moscow, Washington will react.", "en"),  # a hypothesis
    ("Si le Maroc achète des F-35 aux États-Unis, l'Algérie protestera.", "fr"),
    ("The guerrillas promised to lay down their arms by March.", "en"),  # disarmament
    ("Canada sent F-18 jets to bomb militant positions in Iraq.", "en"),  # own jets on a strike
    ("Spain offered the alliance an infantry battalion and eight Eurofighter jets.", "en"),  # forces with a unit
    ("Romania's F-16 jets arrived in Poland on Tuesday.", "en"),  # a user's own jets: the maker is American
])
def test_round9_not_transfers(pipeline: Any, text: str, lang: str) -> None:
    assert _rows(pipeline, text, lang) == []


@pytest.mark.model
def test_a_plural_pronoun_takes_up_coordinated_states(pipeline: Any) -> None:
    text = "Greece and Cyprus want better air defence. They bought Patriot systems from the United States."
    found = pipeline.extract(text, lang="en", published="2024-05-02").transfers
    assert sorted((t.supplier, t.recipient) for t in found) == [("USA", "CYP"), ("USA", "GRC")]


@pytest.mark.model
def test_also_carries_the_recipient_of_the_record_before(pipeline: Any) -> None:
    text = "Sweden delivered Archer howitzers to Ukraine in May. It also sent CV90 vehicles."
    found = pipeline.extract(text, lang="en", published="2024-05-02").transfers
    assert sorted((t.supplier, t.recipient, t.weapon) for t in found) == [
        ("SWE", "UKR", "Archer"), ("SWE", "UKR", "CV90")]

