"""A conflict act a political actor reports about another party is also that actor's allegation
(ACCUSE 'allege'); "selon X" / "according to X" makes X the speaker; a French present form the
lemmatizer left as is ("indique") still reports.

Hand-built parses and small in-memory lexicons, plus real parses (marked ``model``). Every sentence
here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import coded, parsed_doc, set_actors, small_lexicon, triples

EN = {"speech": ["say"]}
TRIGGERS = [{"match": "attack", "cameo": "190"}, {"match": "help", "cameo": "070"}]


def _said(speaker: str, doer: str, verb: str = "attacked", lemma: str = "attack") -> Any:
    # "<speaker> said <doer> <verb> Bolivia ."
    return parsed_doc("en", [(speaker, speaker, "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                             (doer, doer, "PROPN", "nsubj", 3), (verb, lemma, "VERB", "ccomp", 1),
                             ("Bolivia", "Bolivia", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)])


def test_a_reported_attack_is_also_the_speakers_allegation() -> None:
    doc = _said("Peru", "Chile")
    set_actors(doc, Peru="PER", Chile="CHL", Bolivia="BOL")
    events = coded(doc, small_lexicon("en", TRIGGERS, **EN))
    got = {(e["event"], e["actor"]["code"], e["recipient"]["code"], e["modality"]) for e in events}
    assert got == {("ASSAULT", "CHL", "BOL", "reported"), ("ACCUSE", "PER", "CHL", "asserted")}
    accuse = next(e for e in events if e["event"] == "ACCUSE")
    attack = next(e for e in events if e["event"] == "ASSAULT")
    assert accuse["cameo"] == "1123" and accuse["confidence"] < attack["confidence"]


def test_an_attack_by_the_speakers_own_side_alleges_nothing() -> None:
    doc = _said("Peru", "Lima")
    set_actors(doc, Peru="PER", Lima="PER", Bolivia="BOL")
    assert {e for e, _, _ in triples(doc, small_lexicon("en", TRIGGERS, **EN))} == {"ASSAULT"}


def test_a_newsroom_reporting_an_attack_alleges_nothing() -> None:
    doc = _said("Reuters", "Chile")
    set_actors(doc, Reuters="GBR", Chile="CHL", Bolivia="BOL")
    doc._.ch_actors[0]["sector"] = "JRN"
    assert {e for e, _, _ in triples(doc, small_lexicon("en", TRIGGERS, **EN))} == {"ASSAULT"}


def test_reported_help_alleges_nothing() -> None:
    doc = _said("Peru", "Chile", "helped", "help")
    set_actors(doc, Peru="PER", Chile="CHL", Bolivia="BOL")
    assert {e for e, _, _ in triples(doc, small_lexicon("en", TRIGGERS, **EN))} == {"AID"}


def test_selon_makes_its_actor_the_speaker() -> None:
    # "Selon le Pérou , le Chili a attaqué la Bolivie ."
    doc = parsed_doc("fr", [("Selon", "selon", "ADP", "case", 2), ("le", "le", "DET", "det", 2),
                            ("Pérou", "Pérou", "PROPN", "obl:mod", 7), (",", ",", "PUNCT", "punct", 7),
                            ("le", "le", "DET", "det", 5), ("Chili", "Chili", "PROPN", "nsubj", 7),
                            ("a", "avoir", "AUX", "aux:tense", 7), ("attaqué", "attaquer", "VERB", "ROOT", 7),
                            ("la", "le", "DET", "det", 9), ("Bolivie", "Bolivie", "PROPN", "obj", 7),
                            (".", ".", "PUNCT", "punct", 7)])
    set_actors(doc, Pérou="PER", Chili="CHL", Bolivie="BOL")
    lexicon = small_lexicon("fr", [{"match": "attaquer", "cameo": "190"}], speech=["dire"])
    events = coded(doc, lexicon)
    attack = next(e for e in events if e["event"] == "ASSAULT")
    assert attack["modality"] == "reported" and attack["speaker"] == "Pérou", attack
    assert ("ACCUSE", "PER", "CHL") in triples(doc, lexicon)


@pytest.mark.model
def test_real_parse_a_report_naming_the_attacker() -> None:
    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline

    # the allegation is rated 0.8 of its act (0.6 here), under the default confidence floor: read with it off
    pipeline = Pipeline(PipelineOptions(min_confidence=0.0))
    text = "Un rapport de l'Union africaine indique que le village a été incendié par l'armée tchadienne."
    got = {(e.event, e.actor and e.actor.code, e.recipient and e.recipient.code, e.modality)
           for e in pipeline.extract(text, lang="fr", published="2024-05-02").events}
    assert ("ACCUSE", "AU", "TCD", "asserted") in got, got


def test_who_reports_an_act_is_not_taken_for_its_doer() -> None:
    # "Peru said three villages were burned ." — no doer named: the teller is not the guess
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                            ("three", "three", "NUM", "nummod", 3), ("villages", "village", "NOUN", "nsubjpass", 5),
                            ("were", "be", "AUX", "auxpass", 5), ("burned", "burn", "VERB", "ccomp", 1),
                            (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, Peru="PER")
    lexicon = small_lexicon("en", [{"match": "burn", "cameo": "1712"}], **EN)
    assert triples(doc, lexicon) == set()


def test_a_party_named_inside_the_reported_clause_is_still_a_guess() -> None:
    # "Peru said that in Chile villages were burned ." — Chile, inside what is told, is the nearest guess
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                            ("that", "that", "SCONJ", "mark", 7), ("in", "in", "ADP", "prep", 7),
                            ("Chile", "Chile", "PROPN", "pobj", 3), ("villages", "village", "NOUN", "nsubjpass", 7),
                            ("were", "be", "AUX", "auxpass", 7), ("burned", "burn", "VERB", "ccomp", 1),
                            (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, Peru="PER", Chile="CHL")
    lexicon = small_lexicon("en", [{"match": "burn", "cameo": "1712"}], **EN)
    assert {(e, a) for e, a, _ in triples(doc, lexicon)} == {("ASSAULT", "CHL"), ("ACCUSE", "PER")}
