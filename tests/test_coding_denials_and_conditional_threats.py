"""Coding rules: acts called off, request nouns whose clause hangs on the verb above,
denials of one's own side's attacks, conditional threats, and triggers that need a place as their
direct object.

Hand-built parses and small in-memory lexicons (no model), so each rule is checked apart from the
packaged lexicons. Every sentence here was written for these tests.
"""

from __future__ import annotations

import re

import pytest
from coding_helpers import Row, coded, parsed_doc, set_actors, small_lexicon, triples
from spacy.tokens import Doc

from chronique.errors import KnowledgeError
from chronique.nlp.extensions import register_extensions

_doc, _actors, _lexicon, _events, _triples = parsed_doc, set_actors, small_lexicon, coded, triples


register_extensions()


# --- A. an act that calls off a cooperative act absorbs it ---------------------------------------

CALL_OFF = [{"match": "cancel", "cameo": "160"}, {"match": "suspend", "cameo": "160"},
            {"match": "visit", "cameo": "042", "pos": ["NOUN"]},
            {"match": "mediation", "cameo": "045", "pos": ["NOUN"]},
            {"match": "aid", "cameo": "070", "pos": ["NOUN"]}]


def _called_off(verb: str, noun: str) -> Doc:
    # "Japan <verb> a planned <noun> to Peru ."
    doc = _doc("en", [("Japan", "Japan", "PROPN", "nsubj", 1), (verb, verb[:-2] if verb.endswith("ed") else verb,
                                                                  "VERB", "ROOT", 1),
                      ("a", "a", "DET", "det", 4), ("planned", "plan", "VERB", "amod", 4),
                      (noun, noun, "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 4),
                      ("Peru", "Peru", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)])
    _actors(doc, Japan="JPN", Peru="PER")
    return doc


def test_calling_off_a_visit_is_one_rejection_not_a_visit() -> None:
    doc = _called_off("cancelled", "visit")
    doc[1].lemma_ = "cancel"
    events = _events(doc, _lexicon("en", CALL_OFF))
    assert {(e["event"], e["cameo"]) for e in events} == {("REJECT", "125")}
    assert {(e["actor"]["code"], e["recipient"]["code"]) for e in events} == {("JPN", "PER")}


def test_halting_mediation_is_the_cameo_halt_and_cutting_aid_keeps_the_sanction() -> None:
    doc = _called_off("suspended", "mediation")
    doc[1].lemma_ = "suspend"
    assert {(e["event"], e["cameo"]) for e in _events(doc, _lexicon("en", CALL_OFF))} == {("SANCTION", "165")}
    doc = _called_off("suspended", "aid")
    doc[1].lemma_ = "suspend"
    assert {(e["event"], e["cameo"]) for e in _events(doc, _lexicon("en", CALL_OFF))} == {("SANCTION", "160")}


def test_an_act_that_is_not_the_object_of_the_cancelling_verb_stays() -> None:
    # "Japan cancelled talks after Peru's visit ." : the visit hangs on the verb by an oblique
    doc = _doc("en", [("Japan", "Japan", "PROPN", "nsubj", 1), ("cancelled", "cancel", "VERB", "ROOT", 1),
                      ("talks", "talk", "NOUN", "dobj", 1), ("after", "after", "ADP", "prep", 1),
                      ("Peru", "Peru", "PROPN", "poss", 6), ("'s", "'s", "PART", "case", 4),
                      ("visit", "visit", "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)])
    _actors(doc, Japan="JPN", Peru="PER")
    events = {e["event"] for e in _events(doc, _lexicon("en", CALL_OFF))}
    assert "CONSULT" in events and "SANCTION" in events


# --- A. a request noun takes the clause the parser hung on its verb ------------------------------

def _renewed_demand(clause_dep: str) -> Doc:
    # "Chad renewed its demand that Sudan ease restrictions ."
    doc = _doc("en", [("Chad", "Chad", "PROPN", "nsubj", 1), ("renewed", "renew", "VERB", "ROOT", 1),
                      ("its", "its", "PRON", "poss", 3), ("demand", "demand", "NOUN", "dobj", 1),
                      ("that", "that", "SCONJ", "mark", 6), ("Sudan", "Sudan", "PROPN", "nsubj", 6),
                      ("ease", "ease", "VERB", clause_dep, 1), ("restrictions", "restriction", "NOUN", "dobj", 6),
                      (".", ".", "PUNCT", "punct", 1)])
    _actors(doc, Chad="TCD", Sudan="SDN")
    return doc


DEMAND = [{"match": "demand", "cameo": "100", "embeds": "request", "pos": ["NOUN"]},
          {"match": ["ease", "restriction"], "cameo": "081"}]


def test_a_request_noun_absorbs_the_complement_clause_of_its_verb() -> None:
    events = _events(_renewed_demand("ccomp"), _lexicon("en", DEMAND))
    assert {e["event"] for e in events} == {"REQUEST"}
    assert {e["actor"]["code"] for e in events} == {"TCD"}


def test_a_clause_beside_the_verb_that_is_no_complement_is_its_own_act() -> None:
    events = _events(_renewed_demand("advcl"), _lexicon("en", DEMAND))
    assert "CONCEDE" in {e["event"] for e in events}


# --- B. an own-side denial of a conflict act is a rejection --------------------------------------

RAID_FR = [{"match": "raid", "cameo": "190", "pos": ["NOUN"]}]
DENIAL_LISTS = {"speech": ["assurer"], "negation": ["aucun", "pas"]}


def _no_raid(speaker: str, det: str) -> Doc:
    # "<speaker> a assuré qu' <det> avion russe n' a mené de raid ."
    doc = _doc("fr", [(speaker, speaker, "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                      ("assuré", "assurer", "VERB", "ROOT", 2), ("qu'", "que", "SCONJ", "mark", 9),
                      (det, det.lower(), "DET", "det", 5), ("avion", "avion", "NOUN", "nsubj", 9),
                      ("russe", "russe", "ADJ", "amod", 5), ("n'", "ne", "ADV", "advmod", 9),
                      ("a", "avoir", "AUX", "aux:tense", 9), ("mené", "mener", "VERB", "ccomp", 2),
                      ("de", "de", "ADP", "case", 11), ("raid", "raid", "NOUN", "obl:arg", 9),
                      (".", ".", "PUNCT", "punct", 2)])
    return doc


def test_a_subject_with_a_negative_determiner_denies_the_act_and_the_own_side_rejects() -> None:
    doc = _no_raid("Moscou", "aucun")
    _actors(doc, Moscou="RUS", russe="RUS")
    events = _events(doc, _lexicon("fr", RAID_FR, **DENIAL_LISTS))
    assert [(e["event"], e["cameo"], e["actor"]["entity_text"], e["modality"]) for e in events] == [
        ("REJECT", "120", "Moscou", "asserted")]


def test_another_party_saying_the_act_did_not_happen_is_no_denial() -> None:
    doc = _no_raid("Kiev", "aucun")
    _actors(doc, Kiev="UKR", russe="RUS")
    events = _events(doc, _lexicon("fr", RAID_FR, **DENIAL_LISTS))
    assert {(e["event"], e["modality"]) for e in events} == {("ASSAULT", "negated")}


def test_a_positive_determiner_leaves_the_act_asserted() -> None:
    doc = _no_raid("Moscou", "un")
    _actors(doc, Moscou="RUS", russe="RUS")
    events = _events(doc, _lexicon("fr", RAID_FR, **DENIAL_LISTS))
    assert {e["event"] for e in events} == {"ASSAULT"}
    assert "negated" not in {e["modality"] for e in events}


# --- C. a conflict act under a condition is a threat ---------------------------------------------

SANCTIONS = [{"match": "sanction", "cameo": "163", "pos": ["NOUN"]}]


def _sanctions_if(mark: str) -> Doc:
    # "Russia could impose sanctions on Georgia <mark> it joins ."
    doc = _doc("en", [("Russia", "Russia", "PROPN", "nsubj", 2), ("could", "could", "AUX", "aux", 2),
                      ("impose", "impose", "VERB", "ROOT", 2), ("sanctions", "sanction", "NOUN", "dobj", 2),
                      ("on", "on", "ADP", "prep", 2), ("Georgia", "Georgia", "PROPN", "pobj", 4),
                      (mark, mark, "SCONJ", "mark", 8), ("it", "it", "PRON", "nsubj", 8),
                      ("joins", "join", "VERB", "advcl", 2), (".", ".", "PUNCT", "punct", 2)])
    _actors(doc, Russia="RUS", Georgia="GEO")
    return doc


def test_a_conditional_conflict_act_with_a_condition_is_a_threat() -> None:
    lexicon = _lexicon("en", SANCTIONS, conditional=["could"], condition=["if"])
    assert _triples(_sanctions_if("if"), lexicon) == {("THREATEN", "RUS", "GEO")}


def test_without_a_condition_word_the_conditional_act_keeps_its_class() -> None:
    lexicon = _lexicon("en", SANCTIONS, conditional=["could"], condition=["if"])
    events = _events(_sanctions_if("when"), lexicon)
    assert {(e["event"], e["modality"]) for e in events} == {("COERCE", "conditional")}
    # a lexicon without condition words (older files) keeps the old reading
    assert {e["event"] for e in _events(_sanctions_if("if"), _lexicon("en", SANCTIONS))} == {"COERCE"}


# --- D. a trigger that needs a place as its direct object ----------------------------------------

RETURN = [{"match": "return", "cameo": "0874", "target": "object"}]


def _returned(rows: list[Row], place: str) -> Doc:
    doc = _doc("en", rows)
    _actors(doc, Israel="ISR")
    m = re.search(place, doc.text)
    assert m
    doc._.ch_places = [{"text": place, "start": m.start(), "end": m.end(), "name": place,
                        "country_code": "SYR", "role": "place"}]
    return doc


def test_a_place_as_direct_object_fires_and_a_place_after_a_preposition_does_not() -> None:
    taken = _returned([("Israel", "Israel", "PROPN", "nsubj", 1), ("returned", "return", "VERB", "ROOT", 1),
                       ("Quneitra", "Quneitra", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)], "Quneitra")
    assert {e["event"] for e in _events(taken, _lexicon("en", RETURN))} == {"RETREAT"}
    went = _returned([("Israel", "Israel", "PROPN", "nsubj", 1), ("returned", "return", "VERB", "ROOT", 1),
                      ("to", "to", "ADP", "prep", 1), ("Quneitra", "Quneitra", "PROPN", "pobj", 2),
                      (".", ".", "PUNCT", "punct", 1)], "Quneitra")
    assert _events(went, _lexicon("en", RETURN)) == []


def test_an_unknown_target_kind_is_a_knowledge_error_naming_the_kinds() -> None:
    with pytest.raises(KnowledgeError, match="object"):
        _lexicon("en", [{"match": "return", "cameo": "0874", "target": "person"}])
