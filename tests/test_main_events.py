"""The main event of a page (issue 13, branch mainrel): protest acts by burning oneself, and the
cause benchmarks/main_misses.py gives a judged page's missed main event. Sentences written for
these tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from lexicon_helpers import coded_words

from chronique.annotations.records import EventRecord
from chronique.eval.pages_judged import MainEvent, load_judged_set
from chronique.knowledge.lexicon import EventLexicon

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from main_misses import classify


@pytest.mark.parametrize(("lemmas", "verbs"), [
    ("monk immolate outside the consulate", {"immolate"}),
    ("the immolation of a student in the square", set()),
    ("veteran set himself on fire outside the embassy", {"set"}),
    ("nurse set herself on fire in protest", {"set"}),
    ("two farmer set themselves on fire", {"set"}),
])
def test_burning_oneself_is_a_protest(lexicon: EventLexicon, lemmas: str, verbs: set[str]) -> None:
    assert ("PROTEST" in {event for _, event in coded_words(lexicon, lemmas, frozenset(verbs))}), lemmas


@pytest.mark.parametrize("lemmas", [
    "rioter set fire to the town hall",
    "the soldier set the truck on fire",
])
def test_setting_a_thing_on_fire_is_no_protest(lexicon: EventLexicon, lemmas: str) -> None:
    assert "PROTEST" not in {event for _, event in coded_words(lexicon, lemmas, frozenset({"set"}))}


@pytest.mark.parametrize(("text", "actor"), [
    ("A Ukrainian veteran set himself on fire outside parliament in Kyiv on Monday.", "UKR"),
    ("Kenyan students set themselves on fire on Monday to protest the new fees.", "KEN"),
])
def test_a_self_immolation_is_coded_as_protest(pipeline: Any, text: str, actor: str) -> None:
    events = pipeline.extract(text, lang="en", published="2024-05-06").events
    assert ("PROTEST", actor) in {(e.event, e.actor and e.actor.code) for e in events}


def _event(kind: str, actor: str, start: int, modality: str = "asserted", recipient: str = "") -> EventRecord:
    return {"event": kind, "modality": modality, "confidence": 0.6,
            "actor": {"entity_text": actor, "code": None, "sector": None},
            "recipient": {"entity_text": recipient, "code": None, "sector": None} if recipient else None,
            "event_text": "", "text_info": {"sequence": 1, "start": start, "end": start + 10}}


MAIN = MainEvent(("PROTEST",), ("union",), ())


def test_found_and_told_as_not_done() -> None:
    done = _event("PROTEST", "the union", 0)
    assert classify(MAIN, [("coded", [done]), ("floor", [done])], 100)[0] == "found"
    planned = _event("PROTEST", "the union", 0, modality="future")
    assert classify(MAIN, [("coded", [planned]), ("floor", [planned])], 100)[0] == "told as not done"


def test_dropped_names_the_step() -> None:
    weak = _event("PROTEST", "the union", 0)
    steps: list[tuple[str, list[EventRecord]]] = [("coded", [weak]), ("floor", [weak]), ("screen", [])]
    assert classify(MAIN, steps, 100)[0] == "dropped by screen"


def test_party_class_and_trigger_in_the_opening_only() -> None:
    other_party = _event("PROTEST", "the police", 0)
    assert classify(MAIN, [("coded", [other_party]), ("floor", [])], 100)[0] == "lost party"
    other_class = _event("ACCUSE", "the union", 0)
    assert classify(MAIN, [("coded", [other_class]), ("floor", [])], 100)[0] == "wrong class"
    late = _event("PROTEST", "the police", 500)
    assert classify(MAIN, [("coded", [late]), ("floor", [])], 100)[0] == "no trigger"


def test_pages_in_neither_split_before_are_judged() -> None:
    judged = load_judged_set()
    pages = {p.file: p for p in judged.pages}
    assert pages["fundus/pt/ThePortugalNews_2025_02_03.html"].split == "look"
    assert not pages["fundus/pt/ThePortugalNews_2025_02_03.html"].political
    assert ("look", "fundus/tz/HabariLeo_2025_01_23.html") in judged.unsupported


def _blank_doc(lang: str, sentences: list[str]) -> Any:
    """Sentences written for the tests, split on spaces, lemmas the lower-cased words (enough for cue
    words given in their base form)."""
    import spacy
    from spacy.tokens import Doc

    from chronique.nlp.extensions import register_extensions

    register_extensions()
    words = [w for s in sentences for w in s.split()]
    starts = [i == 0 for s in sentences for i in range(len(s.split()))]
    doc = Doc(spacy.blank(lang).vocab, words=words, sent_starts=starts, lemmas=[w.lower() for w in words])
    doc._.ch_actors = []
    return doc


def test_a_police_and_court_story_passes_the_gate() -> None:
    from chronique.knowledge.relevance import load_relevance
    from chronique.nlp.relevance import assess

    doc = _blank_doc("en", [
        "The county sheriff said the man was held for two days .",
        "A grand jury will indict him next week , the office said .",
        "He faces a felony count of theft from his former employer .",
        "His family paid the bail on Friday morning .",
        "Detectives say the crime was planned for months .",
        "The man denies every claim made against him .",
    ])
    assert assess(doc, load_relevance(), "en")["relevant"]


def test_a_crime_novel_review_stays_out() -> None:
    from chronique.knowledge.relevance import load_relevance
    from chronique.nlp.relevance import assess

    doc = _blank_doc("en", [
        "Her new crime novel opens with a detective on holiday .",
        "The author keeps the plot moving for four hundred pages .",
        "Fans of the series will find the film rights already sold .",
        "The criminal at its heart is a retired chef .",
        "It is the best book of her long career .",
        "The song that closes the film adaptation is lovely .",
    ])
    assert not assess(doc, load_relevance(), "en")["relevant"]


def test_une_affaire_de_justice_passe_le_filtre() -> None:
    from chronique.knowledge.relevance import load_relevance
    from chronique.nlp.relevance import assess

    doc = _blank_doc("fr", [
        "Le détenu a été transféré mardi soir à Lyon .",
        "Une perquisition a eu lieu à son domicile lundi .",
        "Il devrait quitter le pénitencier dans la semaine .",
        "Sa famille dit ne rien comprendre à cette histoire .",
        "Les voisins le décrivent comme un homme discret .",
    ])
    assert assess(doc, load_relevance(), "fr")["relevant"]
