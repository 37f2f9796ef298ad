"""An attack or seizure whose victims no actor names ("ont détruit des mausolées", "arrested
dozens of people") takes as recipient the country where it happened: the event's place, else the
country the story is about, which the actors stage records per sentence (``doc._.ch_focus``).

Hand-built parses and small in-memory lexicons, the actors stage on a blank pipeline, plus real
parses (marked ``model``). Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from actor_helpers import tagged_doc
from coding_helpers import parsed_doc, set_actors, small_lexicon, triples

from chronique.knowledge.actors import load_actor_knowledge

TRIGGERS = [{"match": "burn", "cameo": "1712"}, {"match": "criticise", "cameo": "111"},
            {"match": "strike", "cameo": "190", "weak": True}]


def _rebels_did(verb: str, lemma: str) -> Any:
    # "Rebels <verb> three houses ."
    return parsed_doc("en", [("Rebels", "rebel", "NOUN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1),
                             ("three", "three", "NUM", "nummod", 3), ("houses", "house", "NOUN", "dobj", 1),
                             (".", ".", "PUNCT", "punct", 1)])


def test_an_attack_on_unnamed_things_targets_the_country_in_focus() -> None:
    doc = _rebels_did("burned", "burn")
    set_actors(doc, sector="REB", Rebels="MLI")
    doc._.ch_focus = ["MLI"]
    assert triples(doc, small_lexicon("en", TRIGGERS)) == {("ASSAULT", "MLI", "MLI")}


def test_without_a_country_in_focus_the_recipient_stays_empty() -> None:
    doc = _rebels_did("burned", "burn")
    set_actors(doc, sector="REB", Rebels="MLI")
    doc._.ch_focus = [None]
    assert triples(doc, small_lexicon("en", TRIGGERS)) == {("ASSAULT", "MLI", None)}


def test_a_verbal_act_takes_no_country_for_recipient() -> None:
    doc = _rebels_did("criticised", "criticise")
    set_actors(doc, sector="REB", Rebels="MLI")
    doc._.ch_focus = ["NER"]
    assert triples(doc, small_lexicon("en", TRIGGERS)) == {("ACCUSE", "MLI", None)}


def test_a_weak_trigger_guesses_no_recipient() -> None:
    doc = _rebels_did("struck", "strike")
    set_actors(doc, sector="REB", Rebels="MLI")
    doc._.ch_focus = ["NER"]
    assert triples(doc, small_lexicon("en", TRIGGERS)) == {("ASSAULT", "MLI", None)}


def test_the_place_of_the_act_comes_before_the_story() -> None:
    # "Rebels burned three houses in Niamey ."
    doc = parsed_doc("en", [("Rebels", "rebel", "NOUN", "nsubj", 1), ("burned", "burn", "VERB", "ROOT", 1),
                            ("three", "three", "NUM", "nummod", 3), ("houses", "house", "NOUN", "dobj", 1),
                            ("in", "in", "ADP", "prep", 1), ("Niamey", "Niamey", "PROPN", "pobj", 4),
                            (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, sector="REB", Rebels="MLI")
    start = doc.text.index("Niamey")
    doc._.ch_places = [{"text": "Niamey", "start": start, "end": start + 6, "role": "place", "name": "Niamey",
                        "country_code": "NER", "feature_class": "P", "_resolution": 4}]
    doc._.ch_focus = ["MLI"]
    assert triples(doc, small_lexicon("en", TRIGGERS)) == {("ASSAULT", "MLI", "NER")}


def test_the_actors_stage_records_the_country_in_focus_of_each_sentence() -> None:
    doc = tagged_doc(load_actor_knowledge(), "fr",
                     "Au Mali, la crise dure. Des maisons ont brûlé. La Colombie et le Venezuela discutent.")
    assert doc._.ch_focus[:2] == ["MLI", "MLI"]
    assert doc._.ch_focus[2] is None  # two countries equally present: no focus


def test_a_text_without_countries_has_no_focus() -> None:
    doc = tagged_doc(load_actor_knowledge(), "en", "Prices rose. Markets fell.")
    assert doc._.ch_focus == [None, None]


@pytest.mark.model
def test_real_parse_french_destruction_in_a_named_town(pipeline: Any) -> None:
    text = ("Les rebelles du MNLA ont incendié plusieurs maisons à Gao mardi.")
    events = pipeline.extract(text, lang="fr", published="2013-02-06").events
    assert any(e.event == "ASSAULT" and e.recipient is not None and e.recipient.code == "MLI" for e in events), \
        [(e.event, e.actor, e.recipient) for e in events]


@pytest.mark.model
def test_real_parse_a_capital_asked_for_something_stands_for_its_government(pipeline: Any) -> None:
    text = "Le secrétaire général de l'ONU a sollicité Pékin afin d'obtenir l'envoi d'observateurs."
    events = pipeline.extract(text, lang="fr", published="2012-11-02").events
    assert any(e.event == "REQUEST" and e.recipient is not None and e.recipient.code == "CHN" for e in events), \
        [(e.event, e.actor, e.recipient) for e in events]


def test_fighting_between_two_doers_takes_no_located_recipient() -> None:
    # "Soldiers and rebels burned three houses ." (two sides named as doers, nobody as target)
    doc = parsed_doc("en", [("Soldiers", "soldier", "NOUN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
                            ("rebels", "rebel", "NOUN", "conj", 0), ("burned", "burn", "VERB", "ROOT", 3),
                            ("three", "three", "NUM", "nummod", 5), ("houses", "house", "NOUN", "dobj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    start = doc.text.index("Soldiers")
    rebels = doc.text.index("rebels")
    doc._.ch_actors = [
        {"text": "Soldiers", "start": start, "end": start + 8, "name": "Soldiers", "code": "MLI", "sector": "MIL",
         "kind": "group"},
        {"text": "rebels", "start": rebels, "end": rebels + 6, "name": "rebels", "code": "MLI", "sector": "REB",
         "kind": "group"}]
    doc._.ch_focus = ["MLI"]
    assert {r for _, _, r in triples(doc, small_lexicon("en", TRIGGERS))} == {None}


@pytest.mark.model
def test_real_parse_french_reflexive_fighting_names_both_sides_and_no_victim(rules_pipeline: Any) -> None:
    text = "Les soldats maliens et les rebelles se sont affrontés à Kidal."
    events = [e for e in rules_pipeline.extract(text, lang="fr", published="2013-02-06").events if e.event == "ASSAULT"]
    assert events and all(e.recipient is None for e in events), [(e.actor, e.recipient) for e in events]
    assert any(e.actor is not None and e.actor.sector == "MIL" for e in events), events
