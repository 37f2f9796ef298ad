"""Coding rules: force made ready ("prepared to resume shelling", "s'apprête à
attaquer") is a MOBILIZE, not a threat; a reflexive "s'" is no condition; an act told in a clause
that qualifies another (purpose, relative clause) ranks below the act the sentence reports; and the
lexicon rows of this wave (truce violations, closed borders, expulsions by force).

Hand-built parses and small in-memory lexicons, plus real parses (marked ``model``). Every sentence
here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import coded, parsed_doc, set_actors, small_lexicon, triples
from lexicon_helpers import top_event

TRIGGERS = [{"match": "shell", "cameo": "194"}, {"match": "criticise", "cameo": "111"},
            {"match": "sanction", "cameo": "163"}]


def _got_ready_to(verb: str, lemma: str, ready: str) -> Any:
    # "Chile <ready> to <verb> Peru ."
    return parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), (ready, ready, "VERB", "ROOT", 1),
                             ("to", "to", "PART", "aux", 3), (verb, lemma, "VERB", "xcomp", 1),
                             ("Peru", "Peru", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)])


def test_force_made_ready_is_a_mobilisation() -> None:
    doc = _got_ready_to("shell", "shell", "prepares")
    set_actors(doc, Chile="CHL", Peru="PER")
    lexicon = small_lexicon("en", TRIGGERS, future=["prepares", "plans"], readiness=["prepares"])
    assert triples(doc, lexicon) == {("MOBILIZE", "CHL", "PER")}


def test_force_only_planned_stays_a_threat() -> None:
    doc = _got_ready_to("shell", "shell", "plans")
    set_actors(doc, Chile="CHL", Peru="PER")
    lexicon = small_lexicon("en", TRIGGERS, future=["prepares", "plans"], readiness=["prepares"])
    assert triples(doc, lexicon) == {("THREATEN", "CHL", "PER")}


def test_sanctions_made_ready_stay_a_threat() -> None:
    # no act of force: nothing to mobilise, the announced sanction is a threat
    doc = _got_ready_to("sanction", "sanction", "prepares")
    set_actors(doc, Chile="CHL", Peru="PER")
    lexicon = small_lexicon("en", TRIGGERS, future=["prepares"], readiness=["prepares"])
    assert triples(doc, lexicon) == {("THREATEN", "CHL", "PER")}


def test_an_act_in_a_purpose_clause_ranks_below_the_main_act() -> None:
    # "Chile shelled Peru to criticise Bolivia ."
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
                            ("Peru", "Peru", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
                            ("criticise", "criticise", "VERB", "advcl", 1),
                            ("Bolivia", "Bolivia", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, Chile="CHL", Peru="PER", Bolivia="BOL")
    events = coded(doc, small_lexicon("en", TRIGGERS))
    by_type = {e["event"]: e["confidence"] for e in events}
    assert by_type["ASSAULT"] > by_type["ACCUSE"], events


@pytest.mark.model
@pytest.mark.parametrize(("text", "lang"), [
    ("The Ruritanian army was preparing to resume shelling the rebel-held hills near the Chilean border.", "en"),
    ("L'armée chilienne s'apprête à attaquer la ville péruvienne de Tacna.", "fr"),
])
def test_real_parse_force_made_ready(pipeline: Any, text: str, lang: str) -> None:
    events = pipeline.extract(text, lang=lang, published="2024-05-02").events
    assert any(e.event == "MOBILIZE" for e in events), [(e.event, e.cameo, e.modality) for e in events]
    assert not any(e.event in ("ASSAULT", "THREATEN") for e in events), [(e.event, e.cameo) for e in events]


@pytest.mark.model
def test_real_parse_a_conditional_si_still_makes_a_threat(pipeline: Any) -> None:
    top = top_event(pipeline, "Le Chili attaquera le Pérou s'il refuse de négocier.", "fr", "2024-05-02")
    assert top is not None and top.event == "THREATEN", top


@pytest.mark.model
@pytest.mark.parametrize(("text", "event", "cameo"), [
    ("Chilean troops violated the ceasefire on Monday, the Peruvian government said.", "ASSAULT", "196"),
    ("Chile closed its northern border with Peru on Sunday.", "COERCE", "191"),
    ("Peru forced the Chilean embassy staff out of the country.", "SANCTION", "166"),
])
def test_real_parse_wave_seven_rows(pipeline: Any, text: str, event: str, cameo: str) -> None:
    events = pipeline.extract(text, lang="en", published="2024-05-02").events
    assert any(e.event == event and e.cameo == cameo for e in events), [(e.event, e.cameo) for e in events]


def test_an_announced_withdrawal_is_a_concession() -> None:
    # PLOVER manual: a future retreat is coded CONCEDE, not reduced to AGREE
    # "Chile will withdraw from Peru ."
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                            ("withdraw", "withdraw", "VERB", "ROOT", 2), ("from", "from", "ADP", "prep", 2),
                            ("Peru", "Peru", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 2)])
    set_actors(doc, Chile="CHL", Peru="PER")
    lexicon = small_lexicon("en", [{"match": "withdraw", "cameo": "087"}, {"match": "help", "cameo": "070"}])
    assert {e for e, _, _ in triples(doc, lexicon)} == {"CONCEDE"}


def test_a_promised_act_of_help_is_still_an_agreement() -> None:
    # "Chile will help Peru ."
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                            ("help", "help", "VERB", "ROOT", 2), ("Peru", "Peru", "PROPN", "dobj", 2),
                            (".", ".", "PUNCT", "punct", 2)])
    set_actors(doc, Chile="CHL", Peru="PER")
    lexicon = small_lexicon("en", [{"match": "withdraw", "cameo": "087"}, {"match": "help", "cameo": "070"}])
    assert triples(doc, lexicon) == {("AGREE", "CHL", "PER")}


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Des milliers de Péruviens ont participé vendredi à une manifestation anti-chilienne."),
    ("en", "In Lima, thousands of Peruvians joined anti-Chilean protests on Friday."),
])
def test_real_parse_an_anti_x_protest_is_aimed_at_x_and_done_by_the_crowd(pipeline: Any, lang: str,
                                                                        text: str) -> None:
    events = [e for e in pipeline.extract(text, lang=lang, published="2024-05-02").events if e.event == "PROTEST"]
    got = {(e.actor and e.actor.code, e.recipient and e.recipient.code) for e in events}
    assert ("PER", "CHL") in got and not any(a == "CHL" for a, _ in got), got


def test_the_anti_x_mention_covers_the_country_part_of_the_token() -> None:
    from actor_helpers import tag_actors

    from chronique.knowledge.actors import load_actor_knowledge

    text = "Une manifestation anti-chilienne a eu lieu."
    [actor] = tag_actors(load_actor_knowledge(), "fr", text)
    assert (actor["text"], actor["code"], actor["_against"]) == ("chilienne", "CHL", True)
    assert text[actor["start"]:actor["end"]] == "chilienne"


def test_a_french_pronominal_verb_is_active_whatever_label_its_etre_gets() -> None:
    # "Les Péruviens se sont rassemblés ." parsed with expl:pass and aux:pass, as the model often does
    doc = parsed_doc("fr", [("Les", "le", "DET", "det", 1), ("Péruviens", "péruvien", "NOUN", "nsubj", 4),
                            ("se", "se", "PRON", "expl:pass", 4), ("sont", "être", "AUX", "aux:pass", 4),
                            ("rassemblés", "rassembler", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4)])
    set_actors(doc, sector="CVL", Péruviens="PER")
    lexicon = small_lexicon("fr", [{"match": ["se", "rassembler"], "cameo": "141"}])
    assert triples(doc, lexicon) == {("PROTEST", "PER", None)}
