"""Place sanity: a name is a place only on positive evidence (hand-built Docs, sentences written
for these tests)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from chronique.knowledge.gazetteer import CITY, COUNTRY, GeoEntry
from chronique.nlp.place_evidence import has_evidence, load_place_evidence

VILLAGE = GeoEntry("Maison-Blanche", 48.9, 2.3, "FRA", "P", CITY, population=300)
ARTICLE_VILLAGE = GeoEntry("Le Moutier", 46.0, 1.0, "FRA", "P", CITY, population=500)
BIG_CITY = GeoEntry("Valdora", 10.0, 10.0, "NRL", "P", CITY, population=2_000_000)
COUNTRY_ENTRY = GeoEntry("Norland", 10.0, 10.0, "NRL", "A", COUNTRY)


def _span(words: list[str], pos: list[str], start: int, end: int, lang: str = "fr") -> Span:
    doc = Doc(spacy.blank(lang).vocab, words=words, pos=pos)
    return doc[start:end]


def test_small_place_after_an_article_it_does_not_carry_is_no_place() -> None:
    span = _span(["reçu", "à", "la", "Maison", "Blanche"], ["VERB", "ADP", "DET", "PROPN", "PROPN"], 3, 5)
    assert not has_evidence(span, VILLAGE, load_place_evidence().locatives["fr"])


def test_place_whose_name_carries_the_article_keeps_it() -> None:
    span = _span(["près", "du", "Le", "Moutier"], ["ADP", "ADP", "DET", "PROPN"], 2, 4)
    assert has_evidence(span, ARTICLE_VILLAGE, load_place_evidence().locatives["fr"])
    after_article = _span(["à", "Le", "Moutier"], ["ADP", "DET", "PROPN"], 2, 3)
    assert has_evidence(after_article, ARTICLE_VILLAGE, load_place_evidence().locatives["fr"])


def test_well_known_places_need_no_context() -> None:
    locatives = load_place_evidence().locatives["en"]
    assert has_evidence(_span(["the", "Valdora"], ["DET", "PROPN"], 1, 2, "en"), BIG_CITY, locatives)
    assert has_evidence(_span(["Norland", "voted"], ["PROPN", "VERB"], 0, 1, "en"), COUNTRY_ENTRY, locatives)


def test_unknown_names_need_a_locative() -> None:
    locatives = load_place_evidence().locatives["en"]
    west = _span(["future", "of", "the", "West"], ["NOUN", "ADP", "DET", "PROPN"], 3, 4, "en")
    assert not has_evidence(west, None, locatives)
    carrier = _span(["the", "carrier", "Kestrel", "sailed"], ["DET", "NOUN", "PROPN", "VERB"], 2, 3, "en")
    assert not has_evidence(carrier, None, locatives)
    town = _span(["fighting", "in", "Kessa", "and", "Orvil"], ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"], 4, 5, "en")
    assert has_evidence(town, None, locatives)


def test_lowercase_words_are_never_places() -> None:
    span = _span(["the", "whole", "nation"], ["DET", "ADJ", "NOUN"], 2, 3, "en")
    assert not has_evidence(span, VILLAGE, load_place_evidence().locatives["en"])
