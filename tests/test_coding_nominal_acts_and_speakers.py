"""Coding rules: past participles that only qualify a noun, the doer named by a
nominal act's "de"/"of" complement, the speaker as the doer of an announced act, and the subject
of the clause a request absorbs as its recipient.

Hand-built parses and small in-memory lexicons (no model). Every sentence here was written for
these tests.
"""

from __future__ import annotations

from coding_helpers import coded, parsed_doc, set_actors, small_lexicon, triples
from spacy.tokens import Doc

from chronique.coding import make_coder
from chronique.knowledge.cameo import load_cameo_table
from chronique.nlp.extensions import register_extensions

_doc, _actors, _lexicon, _events, _triples = parsed_doc, set_actors, small_lexicon, coded, triples


register_extensions()
PART = "Aspect=Perf|Tense=Past|VerbForm=Part"


# --- 1. a past participle that only qualifies a noun names no act ---------------------------------

QUALIFIERS = [{"match": "back", "cameo": "050"}, {"match": "allege", "cameo": "112"},
              {"match": "protest", "cameo": "140"}, {"match": "accuse", "cameo": "112"}]


def _protested(participle: str, lemma: str) -> Doc:
    # "Peru protested the <participle> raids by Chile ."
    doc = _doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("protested", "protest", "VERB", "ROOT", 1),
                      ("the", "the", "DET", "det", 4), (participle, lemma, "VERB", "amod", 4),
                      ("raids", "raid", "NOUN", "dobj", 1), ("by", "by", "ADP", "prep", 4),
                      ("Chile", "Chile", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)], {3: PART})
    _actors(doc, Peru="PER", Chile="CHL")
    return doc


def test_a_bare_past_participle_before_a_noun_is_no_event() -> None:
    assert _triples(_protested("alleged", "allege"), _lexicon("en", QUALIFIERS)) == {("PROTEST", "PER", "CHL")}


def test_a_participle_with_its_own_complement_is_still_an_act() -> None:
    # "Chile expelled diplomats accused of spying by Peru ." : the participle has an agent
    doc = _doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("expelled", "expel", "VERB", "ROOT", 1),
                      ("diplomats", "diplomat", "NOUN", "dobj", 1), ("accused", "accuse", "VERB", "amod", 2),
                      ("of", "of", "ADP", "prep", 3), ("spying", "spying", "NOUN", "pobj", 4),
                      ("by", "by", "ADP", "agent", 3), ("Peru", "Peru", "PROPN", "pobj", 6),
                      (".", ".", "PUNCT", "punct", 1)], {3: PART})
    _actors(doc, Chile="CHL", Peru="PER")
    assert any(t[0] == "ACCUSE" for t in _triples(doc, _lexicon("en", QUALIFIERS)))


def test_the_same_participle_as_a_verb_is_an_act() -> None:
    # "Chile backed Peru ."
    doc = _doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("backed", "back", "VERB", "ROOT", 1),
                      ("Peru", "Peru", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)], {1: PART})
    _actors(doc, Chile="CHL", Peru="PER")
    assert ("SUPPORT", "CHL", "PER") in _triples(doc, _lexicon("en", QUALIFIERS))


# --- 3. an act noun under an announcement is the speaker's ---------------------------------------

ANNOUNCED = [{"match": "retrait", "cameo": "087", "pos": ["NOUN"]}]


def _announced(verb: str, lemma: str) -> Doc:
    # "Oslo a <verb> le début du retrait ."
    doc = _doc("fr", [("Oslo", "Oslo", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
                      (verb, lemma, "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                      ("début", "début", "NOUN", "obj", 2), ("du", "de", "ADP", "case", 6),
                      ("retrait", "retrait", "NOUN", "nmod", 4), (".", ".", "PUNCT", "punct", 2)])
    _actors(doc, Oslo="NOR")
    return doc


def test_an_announced_act_with_no_doer_is_the_speakers() -> None:
    lexicon = _lexicon("fr", ANNOUNCED, speech=["annoncer"], announce=["annoncer"])
    events = make_coder("rules", lexicon, load_cameo_table()).code(_announced("annoncé", "annoncer"))
    assert {(e["event"], e["actor"]["code"]) for e in events} == {("RETREAT", "NOR")}
    assert all(e["confidence"] >= 0.6 for e in events)  # read from the parse, not by proximity


def test_an_act_under_a_verb_that_is_no_announcement_gets_no_parsed_doer() -> None:
    # "Oslo a critiqué le début du retrait": the critic did not necessarily withdraw
    lexicon = _lexicon("fr", ANNOUNCED, speech=["annoncer", "critiquer"], announce=["annoncer"])
    events = make_coder("rules", lexicon, load_cameo_table()).code(_announced("critiqué", "critiquer"))
    assert all(e["confidence"] < 0.5 for e in events)


def test_a_reporting_verb_is_no_announcement() -> None:
    # "Oslo a rapporté le début du retrait": who reports an act need not be its doer
    lexicon = _lexicon("fr", ANNOUNCED, speech=["annoncer", "rapporter"], announce=["annoncer"])
    events = make_coder("rules", lexicon, load_cameo_table()).code(_announced("rapporté", "rapporter"))
    assert all(e["confidence"] < 0.5 for e in events)


# --- 4. the subject of the clause a request absorbs is asked -------------------------------------

DEMAND = [{"match": "demand", "cameo": "100", "embeds": "request", "pos": ["NOUN"]},
          {"match": ["ease", "restriction"], "cameo": "081"}]


def test_the_subject_of_the_requested_clause_is_the_recipient() -> None:
    # "Chad renewed its demand that Sudan ease restrictions ."
    doc = _doc("en", [("Chad", "Chad", "PROPN", "nsubj", 1), ("renewed", "renew", "VERB", "ROOT", 1),
                      ("its", "its", "PRON", "poss", 3), ("demand", "demand", "NOUN", "dobj", 1),
                      ("that", "that", "SCONJ", "mark", 6), ("Sudan", "Sudan", "PROPN", "nsubj", 6),
                      ("ease", "ease", "VERB", "ccomp", 1), ("restrictions", "restriction", "NOUN", "dobj", 6),
                      (".", ".", "PUNCT", "punct", 1)])
    _actors(doc, Chad="TCD", Sudan="SDN")
    events = make_coder("rules", _lexicon("en", DEMAND), load_cameo_table()).code(doc)
    assert {(e["event"], e["actor"]["code"], (e["recipient"] or {}).get("code")) for e in events} == {
        ("REQUEST", "TCD", "SDN")}
    assert all(e["confidence"] >= 0.8 for e in events)  # both parties read from the parse
