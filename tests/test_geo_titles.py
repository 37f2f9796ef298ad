"""Place names inside a newspaper's or club's title, and planets (geo.titles), on sentences
tokenised without a model."""

from __future__ import annotations

import spacy

from chronique.geo.titles import in_title, names_disease, sky_body


def span_of(text: str, name: str, lang: str = "en") -> spacy.tokens.Span:
    doc = spacy.blank(lang)(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


def test_a_place_opening_a_newspaper_title_is_in_a_title() -> None:
    assert in_title(span_of("The Dunmore Gazette reported the vote.", "Dunmore"))
    assert in_title(span_of("It was first reported by the Lakeport Sun-Times on Friday.", "Lakeport"))
    assert in_title(span_of("According to the Times of Varania, talks failed.", "Varania"))
    assert in_title(span_of("Le Journal de Valmont a publié la liste.", "Valmont", "fr"))


def test_a_place_in_a_club_name_is_in_a_title() -> None:
    assert in_title(span_of("Dunmore United lost at home on Saturday.", "Dunmore"))
    assert in_title(span_of("Fans of Real Valmont cheered.", "Valmont"))


def test_a_place_beside_ordinary_words_is_no_title() -> None:
    assert not in_title(span_of("Police in Dunmore said the times were hard.", "Dunmore"))
    assert not in_title(span_of("Cities such as Valmont grew fast.", "Valmont"))  # "as", not "AS"
    assert not in_title(span_of("The Dunmore City Council met.", "Dunmore"))


def test_a_place_naming_a_disease_is_no_place() -> None:
    assert names_disease(span_of("Cases of the Dunmore virus rose again.", "Dunmore"))
    assert names_disease(span_of("Valmont fever spreads in the rainy season.", "Valmont"))
    assert names_disease(span_of("Le virus Valmont circule encore.", "Valmont", "fr"))
    assert names_disease(span_of("La fièvre de Valmont a tué dix personnes.", "Valmont", "fr"))
    assert not names_disease(span_of("A virus outbreak hit Dunmore in May.", "Dunmore"))
    assert not names_disease(span_of("Le virus a atteint Valmont en mai.", "Valmont", "fr"))


def test_a_planet_is_no_place_unless_a_town_bears_its_name() -> None:
    assert sky_body(span_of("The agency hopes to land a crew on Mars by 2040.", "Mars"))
    assert sky_body(span_of("La Terre se réchauffe plus vite que prévu.", "Terre", "fr"))
    assert not sky_body(span_of("A storm hit Jupiter, Florida, overnight.", "Jupiter"))
    assert not sky_body(span_of("The town council met in Mars on Monday.", "Mars"))  # "in Mars": a town
    assert not sky_body(span_of("Flooding closed roads in Dunmore.", "Dunmore"))
