"""Coding rules: an act under an obligation modal ("must") that a speaker reports about
another party is the speaker's REQUEST to that party, also when the act hangs on the obliged verb
through an infinitive, a predicate or a light verb's object ("must be ready to mediate", "must
ensure calm to allow talks").

Hand-built parses and small in-memory lexicons, plus real parses (marked ``model``). Every sentence
here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc, set_actors, small_lexicon, triples

LISTS: dict[str, list[str]] = {"speech": ["say"], "obligation": ["must"]}
TRIGGERS = [{"match": "withdraw", "cameo": "0874"}, {"match": "mediate", "cameo": "043"}]


def _must_be_ready(subject: str, modal: str) -> Any:
    # "Peru said Chile <modal> be ready to mediate ."
    return parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                             (subject, subject, "PROPN", "nsubj", 4), (modal, modal, "AUX", "aux", 4),
                             ("be", "be", "AUX", "ccomp", 1), ("ready", "ready", "ADJ", "acomp", 4),
                             ("to", "to", "PART", "aux", 7), ("mediate", "mediate", "VERB", "xcomp", 5),
                             (".", ".", "PUNCT", "punct", 1)])


def test_an_act_under_an_obliged_predicate_is_a_request_to_its_subject() -> None:
    doc = _must_be_ready("Chile", "must")
    set_actors(doc, Peru="PER", Chile="CHL")
    got = triples(doc, small_lexicon("en", TRIGGERS, **LISTS))
    assert any(e == "REQUEST" and a == "PER" and r == "CHL" for e, a, r in got), got


def test_without_the_modal_the_act_stays_the_subjects_own() -> None:
    doc = _must_be_ready("Chile", "will")
    set_actors(doc, Peru="PER", Chile="CHL")
    got = triples(doc, small_lexicon("en", TRIGGERS, **LISTS))
    assert all(e != "REQUEST" for e, _, _ in got), got


def test_a_subordinate_clause_with_its_own_subject_is_not_obliged() -> None:
    # "Peru said Chile must agree before Bolivia withdraws ."
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                            ("Chile", "Chile", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
                            ("agree", "agree", "VERB", "ccomp", 1), ("before", "before", "SCONJ", "mark", 7),
                            ("Bolivia", "Bolivia", "PROPN", "nsubj", 7),
                            ("withdraws", "withdraw", "VERB", "advcl", 4), (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, Peru="PER", Chile="CHL", Bolivia="BOL")
    got = triples(doc, small_lexicon("en", TRIGGERS, **LISTS))
    assert ("RETREAT", "BOL", None) in got or any(e == "RETREAT" and a == "BOL" for e, a, _ in got), got
    assert all(e != "REQUEST" for e, _, _ in got), got


def test_a_speaker_of_the_same_country_in_another_sector_asks_its_government() -> None:
    # "Rebels said the government must withdraw ."
    doc = parsed_doc("en", [("Rebels", "rebel", "NOUN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                            ("the", "the", "DET", "det", 3), ("government", "government", "NOUN", "nsubj", 5),
                            ("must", "must", "AUX", "aux", 5), ("withdraw", "withdraw", "VERB", "ccomp", 1),
                            (".", ".", "PUNCT", "punct", 1)])
    doc._.ch_actors = [{"text": "Rebels", "start": 0, "end": 6, "name": "Rebels", "code": "COL", "sector": "REB",
                        "kind": "entity"},
                       {"text": "government", "start": 16, "end": 26, "name": "government", "code": "COL",
                        "sector": "GOV", "kind": "entity"}]
    got = triples(doc, small_lexicon("en", TRIGGERS, **LISTS))
    assert ("REQUEST", "COL", "COL") in got, got


@pytest.mark.model
def test_real_parse_purpose_infinitive_under_must(pipeline: Any) -> None:
    text = "The Red Cross said Kenyan and Somali troops must ensure calm to allow aid convoys to pass."
    events = pipeline.extract(text, lang="en").events
    top = max(events, key=lambda e: e.confidence)
    assert top.event == "REQUEST", [(e.event, e.cameo) for e in events]
