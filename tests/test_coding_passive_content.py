"""An agentless passive trigger guesses no doer from the clause that tells its content: in "X is
accused of bribing Y" (or "X est accusé d'avoir menacé Y") Y acts in what X is accused of, it is
not the accuser. Found reading real pages ("<suspect> is accused of stabbing <victims>" coded as
the first victim accusing the suspect).

Hand-built parses (no model) check the rule; the marked test runs the real models. Every sentence
here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc, set_actors, triples
from spacy.tokens import Doc

from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()
PART = "Aspect=Perf|Tense=Past|VerbForm=Part"


def _accused_of_bribing(agent: bool) -> Doc:
    # "Chile is accused [by Peru] of bribing Bolivia ."
    rows = [("Chile", "Chile", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
            ("accused", "accuse", "VERB", "ROOT", 2)]
    if agent:
        rows += [("by", "by", "ADP", "agent", 2), ("Peru", "Peru", "PROPN", "pobj", 3)]
    n = len(rows)
    rows += [("of", "of", "ADP", "prep", 2), ("bribing", "bribe", "VERB", "pcomp", n),
             ("Bolivia", "Bolivia", "PROPN", "dobj", n + 1), (".", ".", "PUNCT", "punct", 2)]
    doc = parsed_doc("en", rows, {2: PART, n + 1: "VerbForm=Part"})
    set_actors(doc, Chile="CHL", Bolivia="BOL", **({"Peru": "PER"} if agent else {}))
    return doc


def test_the_party_of_the_told_act_is_not_the_accuser() -> None:
    found = triples(_accused_of_bribing(agent=False), load_event_lexicon("en"))
    assert not any(event == "ACCUSE" and actor == "BOL" for event, actor, _ in found)


def test_a_named_agent_still_accuses() -> None:
    found = triples(_accused_of_bribing(agent=True), load_event_lexicon("en"))
    assert ("ACCUSE", "PER", "CHL") in found
    assert not any(event == "ACCUSE" and actor == "BOL" for event, actor, _ in found)


def test_french_infinitive_content_clause() -> None:
    # "Le Tchad est accusé d' avoir menacé le Soudan ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Tchad", "Tchad", "PROPN", "nsubj:pass", 3),
                            ("est", "être", "AUX", "aux:pass", 3), ("accusé", "accuser", "VERB", "ROOT", 3),
                            ("d'", "de", "ADP", "mark", 6), ("avoir", "avoir", "AUX", "aux:tense", 6),
                            ("menacé", "menacer", "VERB", "xcomp", 3), ("le", "le", "DET", "det", 8),
                            ("Soudan", "Soudan", "PROPN", "obj", 6), (".", ".", "PUNCT", "punct", 3)],
                     {3: PART, 5: "VerbForm=Inf", 6: PART})
    set_actors(doc, Tchad="TCD", Soudan="SDN")
    found = triples(doc, load_event_lexicon("fr"))
    assert not any(event == "ACCUSE" and actor == "SDN" for event, actor, _ in found)


def test_a_finite_clause_is_no_content_of_the_passive() -> None:
    # "Chile was criticized after Peru closed the border ." : a finite clause keeps its parties
    # available to the guess, as before (what is guessed there is the fallback's business; an attack's
    # doer is no longer guessed at all: tests/test_coding_unnamed_doer.py)
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
                            ("criticized", "criticize", "VERB", "ROOT", 2), ("after", "after", "SCONJ", "mark", 5),
                            ("Peru", "Peru", "PROPN", "nsubj", 5), ("closed", "close", "VERB", "advcl", 2),
                            ("the", "the", "DET", "det", 7), ("border", "border", "NOUN", "dobj", 5),
                            (".", ".", "PUNCT", "punct", 2)],
                     {2: PART, 5: "Tense=Past|VerbForm=Fin"})
    set_actors(doc, Chile="CHL", Peru="PER")
    found = triples(doc, load_event_lexicon("en"))
    assert ("ACCUSE", "PER", "CHL") in found


@pytest.mark.model
def test_real_parse_accused_of(pipeline: Any) -> None:
    for text, lang, bystanders in [
        ("The Greek minister was accused of insulting the Turkish ambassador during the summit.", "en", {"TUR"}),
        ("The governor of Texas has been accused of threatening Mexican officials.", "en", {"MEX"}),
        ("Le ministre malien est accusé d'avoir menacé l'ambassadeur de France.", "fr", {"FRA"}),
    ]:
        events = pipeline.extract(text, lang=lang, published="2024-05-02").events
        accusers = {e.actor.code for e in events if e.event == "ACCUSE" and e.actor is not None}
        assert not accusers & bystanders, text
