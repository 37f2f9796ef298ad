"""Who condemns an act did not do it: an act named as the object of a verb of judging ("ont
condamné ces attaques") takes no doer from that verb's subject nor from the nearest actor; its own
"de" complement is its doer when the act has a target of its own ("l'attaque de la Russie contre
l'Ukraine"). Also: non-governmental organisations are actors (code NGO).

Hand-built parses and small in-memory lexicons, the actors stage on a blank pipeline, plus real
parses (marked ``model``). Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from actor_helpers import tag_actors
from coding_helpers import parsed_doc, set_actors, small_lexicon, triples

from chronique.knowledge.actors import load_actor_knowledge

TRIGGERS = [{"match": "condemn", "cameo": "111"}, {"match": "attack", "cameo": "190"},
            {"match": "launch", "cameo": "150", "weak": True}]


def _subject_did_to(verb: str, lemma: str) -> Any:
    # "Chile <verb> the attacks ."
    return parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1),
                             ("the", "the", "DET", "det", 3), ("attacks", "attack", "NOUN", "dobj", 1),
                             (".", ".", "PUNCT", "punct", 1)])


def test_a_condemned_attack_takes_no_doer_from_the_condemner() -> None:
    doc = _subject_did_to("condemned", "condemn")
    set_actors(doc, Chile="CHL")
    assert triples(doc, small_lexicon("en", TRIGGERS)) == {("ACCUSE", "CHL", None)}


def test_an_attack_launched_is_the_launchers() -> None:
    doc = _subject_did_to("launched", "launch")
    set_actors(doc, Chile="CHL")
    assert ("ASSAULT", "CHL", None) in triples(doc, small_lexicon("en", TRIGGERS))


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("fr", "Selon Amnesty International, la répression a fait des victimes.", "Amnesty International"),
    ("fr", "Des organisations de défense des droits humains ont protesté.", "human rights group"),
    ("en", "Human Rights Watch published a report on Monday.", "Human Rights Watch"),
    ("en", "A human rights group said the trial was unfair.", "human rights group"),
])
def test_non_governmental_organisations_are_actors(lang: str, text: str, name: str) -> None:
    actors = tag_actors(load_actor_knowledge(), lang, text)
    assert [(a["code"], a["sector"], a["name"]) for a in actors] == [("NGO", "NGO", name)], actors


@pytest.mark.model
def test_real_parse_a_condemned_attack_keeps_its_own_parties(rules_pipeline: Any) -> None:
    events = rules_pipeline.extract("Le Chili a condamné l'attaque de la Bolivie contre le Pérou.", lang="fr").events
    got = {(e.event, e.actor and e.actor.code, e.recipient and e.recipient.code) for e in events}
    assert ("ACCUSE", "CHL", "BOL") in got and ("ASSAULT", "BOL", "PER") in got, got
    assert not any(e == "ASSAULT" and a == "CHL" for e, a, _ in got), got


@pytest.mark.parametrize("text", ["Le Front Nusrat a revendiqué l'attaque.",
                                  "Jabhat Fatah al-Sham a revendiqué l'attaque."])
def test_the_nusra_front_under_its_press_spellings_and_later_name(text: str) -> None:
    actors = tag_actors(load_actor_knowledge(), "fr", text)
    assert [a["code"] for a in actors] == ["NUSRA"], actors
