"""Lexicon rows of version 6 (both languages), matched on lemma sequences written for these tests,
plus one real parse per language (marked ``model``)."""

from __future__ import annotations

from typing import Any

import pytest
from lexicon_helpers import coded_words, event_triples

from chronique.knowledge.lexicon import load_event_lexicon

VERBS = frozenset({"renforcer", "resserrer", "améliorer", "chercher", "strengthen", "deepen", "improve", "want",
                   "violate", "breach", "close", "seal", "force"})


@pytest.mark.parametrize(("lang", "lemmas", "words", "event"), [
    ("fr", "le Japon renforcer son relation avec l' Inde", "renforcer relation", "AGREE"),
    ("fr", "il chercher un lien plus étroit avec Moscou", "lien étroit", "AGREE"),
    ("en", "Japan want closer tie with India", "closer tie", "AGREE"),
    ("en", "the two country deepen tie", "deepen tie", "AGREE"),
    ("en", "the army violate the ceasefire", "violate ceasefire", "ASSAULT"),
    ("en", "Peru close its border with Chile", "close border", "COERCE"),
    ("en", "Peru force the aid agency out of the country", "force out", "SANCTION"),
])
def test_v6_rows(lang: str, lemmas: str, words: str, event: str) -> None:
    assert (words, event) in coded_words(load_event_lexicon(lang), lemmas, VERBS)


def test_close_must_touch_tie() -> None:
    # "close" must touch "tie": a gap would let "close the border; ties …" through
    assert ("close tie", "AGREE") not in coded_words(load_event_lexicon("en"), "close the border tie", VERBS)


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le Chili a indiqué qu'il cherche des liens plus étroits avec le Pérou."),
    ("en", "Chile said it wants closer ties with Peru."),
])
def test_real_parse_wanting_closer_ties_is_an_agreement(pipeline: Any, lang: str, text: str) -> None:
    assert ("AGREE", "CHL", "PER") in event_triples(pipeline, text, lang, "2024-05-02")


@pytest.mark.model
def test_real_parse_shifting_the_blame_accuses_the_other_side_of_the_same_country(pipeline: Any) -> None:
    # the blamed rebels share the army's country: the army is still the one who blames
    text = "Au Mali, l'armée malienne a démenti toute implication en rejetant la faute sur les rebelles."
    events = pipeline.extract(text, lang="fr", published="2024-05-02").events
    assert any(e.event == "ACCUSE" and e.actor is not None and e.actor.sector == "MIL"
               and e.recipient is not None and e.recipient.sector == "REB" for e in events), \
        [(e.event, e.actor, e.recipient) for e in events]
