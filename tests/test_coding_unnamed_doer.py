"""The doer of an act told in the agentless passive (chronique.coding.unnamed_doer): an unknown attacker,
or the authorities of the place for an arrest or a conviction, never the nearest mention. Every sentence
was written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc, set_actors, triples
from lexicon_helpers import Triple, event_triples

from chronique.annotations.records import ActorMention
from chronique.coding.role_parse import Roles
from chronique.coding.unnamed_doer import STATE_ACTS, UNKNOWN, unnamed_doer
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()
PART = "Aspect=Perf|Tense=Past|VerbForm=Part"


def _events(pipeline: Any, text: str, lang: str) -> list[Triple]:
    return event_triples(pipeline, text, lang, "2024-05-02")


def test_another_party_of_the_sentence_is_not_the_attacker() -> None:
    # "Chile was attacked after Peru closed the border ." (hand-built parse)
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
                            ("attacked", "attack", "VERB", "ROOT", 2), ("after", "after", "SCONJ", "mark", 5),
                            ("Peru", "Peru", "PROPN", "nsubj", 5), ("closed", "close", "VERB", "advcl", 2),
                            ("the", "the", "DET", "det", 7), ("border", "border", "NOUN", "dobj", 5),
                            (".", ".", "PUNCT", "punct", 2)],
                     {2: PART, 5: "Tense=Past|VerbForm=Fin"})
    set_actors(doc, Chile="CHL", Peru="PER")
    found = triples(doc, load_event_lexicon("en"))
    assert ("ASSAULT", UNKNOWN, "CHL") in found
    assert not any(event == "ASSAULT" and actor == "PER" for event, actor, _ in found)


def test_a_state_act_with_no_country_keeps_no_doer() -> None:
    target: ActorMention = {"code": "IRQ", "sector": "MED"}
    roles = Roles(targets=[target], target_parsed=True)
    assert unnamed_doer("COERCE", "arrest", None, roles, None, frozenset(), None) is None  # type: ignore[arg-type]
    assert unnamed_doer("COERCE", "arrest", None, roles, None, frozenset(), "IRQ") == {  # type: ignore[arg-type]
        "code": "IRQ", "sector": STATE_ACTS[("COERCE", "arrest")]}


def test_a_guessed_doer_of_a_state_act_is_kept() -> None:
    guess: ActorMention = {"code": "AUS", "sector": "COP", "text": "police"}
    roles = Roles(sources=[guess], targets=[{"code": "AUS"}], target_parsed=True)
    assert unnamed_doer("COERCE", "arrest", None, roles, None, frozenset(), "AUS") is None  # type: ignore[arg-type]


@pytest.mark.model
@pytest.mark.parametrize(("text", "lang", "triple"), [
    # the place is no doer: the attacker is unknown
    ("Two Syrian soldiers were killed in Homs on Sunday.", "en", ("ASSAULT", UNKNOWN, "SYR")),
    ("Palestinian police were attacked near Hebron.", "en", ("ASSAULT", UNKNOWN, "PSE")),
    ("Six policiers gabonais ont été tués au cours des émeutes.", "fr", ("ASSAULT", UNKNOWN, "GAB")),
    # a doer in the attack's own phrase, or named as the agent, is kept
    ("Two Syrian soldiers were killed in a Turkish airstrike on Sunday.", "en", ("ASSAULT", "TUR", "SYR")),
    ("Two Syrian soldiers were killed by Turkish troops on Sunday.", "en", ("ASSAULT", "TUR", "SYR")),
    # an arrest with nobody named to make it: the police of the place
    ("Three Iraqi journalists were arrested in Baghdad on Monday.", "en", ("COERCE", "IRQ", "IRQ")),
    ("Trois jeunes Français ont été arrêtés à Marseille mardi.", "fr", ("COERCE", "FRA", "FRA")),
])
def test_agentless_passives(pipeline: Any, text: str, lang: str, triple: Triple) -> None:
    assert triple in _events(pipeline, text, lang)


@pytest.mark.model
def test_the_unknown_attacker_passes_the_default_floor_and_an_active_attack_is_unchanged(pipeline: Any) -> None:
    unknown = [e for e in pipeline.extract("Two Syrian soldiers were killed in Homs on Sunday.", lang="en",
                                           published="2024-05-02").events if e.actor and e.actor.code == UNKNOWN]
    assert unknown and all(e.confidence >= 0.5 and e.actor.sector is None for e in unknown)
    assert ("ASSAULT", "TUR", "SYR") in _events(pipeline, "Turkish troops killed two Syrian soldiers in Afrin.", "en")


@pytest.mark.model
def test_the_police_of_the_place_make_the_arrest(pipeline: Any) -> None:
    arrests = [e for e in pipeline.extract("Trois jeunes Français ont été arrêtés à Marseille mardi.", lang="fr",
                                           published="2024-05-02").events if e.event == "COERCE"]
    assert arrests and arrests[0].actor.sector == "COP"
