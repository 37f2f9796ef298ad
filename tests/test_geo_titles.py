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


def test_a_disease_s_own_name_is_no_place_without_a_place_context() -> None:
    from chronique.geo.titles import names_disease as disease
    assert disease(span_of("The fight against Ebola has cost millions.", "Ebola"))
    assert disease(span_of("Two nurses who contracted Zika were flown home.", "Zika"))
    assert disease(span_of("Ebola cases fell for a third week.", "Ebola"))
    # a locative or a place word after it: the town, the river
    assert not disease(span_of("The conference was held in Marburg last spring.", "Marburg"))
    assert not disease(span_of("Boats carried rice up the Ebola river.", "Ebola"))
    assert not disease(span_of("Cases rose again in Dunmore.", "Dunmore"))  # not a disease's name


def test_a_town_s_office_is_no_place() -> None:
    from chronique.geo.titles import institution
    assert institution(span_of("Protesters gathered outside the Mairie on Sunday.", "Mairie", "fr"))
    assert institution(span_of("La Préfecture a interdit la manifestation.", "Préfecture", "fr"))
    assert institution(span_of("A fire broke out at the Town Hall yesterday.", "Town"))
    assert institution(span_of("Il a été entendu au Palais de Justice de Valmont.", "Palais de Justice", "fr"))
    assert not institution(span_of("The Town Council of Dunmore met.", "Dunmore"))
    assert not institution(span_of("Police in Hallton said the road was closed.", "Hallton"))


def test_a_bloc_named_as_a_direction_is_no_place() -> None:
    from chronique.geo.titles import bloc
    assert bloc(span_of("The West imposed new sanctions on Friday.", "West"))
    assert bloc(span_of("L'Occident a condamné l'attaque.", "Occident", "fr"))
    assert not bloc(span_of("A plant exploded in West, Texas, in 2013.", "West"))
    assert not bloc(span_of("Troops moved to West Dunmore.", "West Dunmore"))
