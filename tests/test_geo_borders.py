"""A border named by its countries' adjectives (geo.borders), on sentences tokenised without a model."""

from __future__ import annotations

import spacy

from chronique.geo.borders import border_countries


def found(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(span.text, code) for span, code in border_countries(spacy.blank(lang)(text))]


def test_each_adjective_before_a_border_noun_is_its_country() -> None:
    assert found("Troops gathered along the Syrian-Turkish border.") == [("Syrian", "SYR"), ("Turkish", "TUR")]
    assert found("Talks on the Sino-Indian frontier resumed.") == [("Sino", "CHN"), ("Indian", "IND")]
    assert found("Refugees waited at the Kenyan border.") == [("Kenyan", "KEN")]


def test_french_adjectives_follow_the_border_noun() -> None:
    assert found("Des renforts à la frontière syro-turque.", "fr") == [("syro", "SYR"), ("turque", "TUR")]
    assert found("Des tirs près de la frontière libanaise.", "fr") == [("libanaise", "LBN")]


def test_adjectives_elsewhere_and_chains_with_other_words_are_no_border() -> None:
    assert found("Syrian officials met Turkish diplomats.") == []
    assert found("The state border was closed.") == []
    assert found("The Syrian-owned border post was closed.") == []  # "owned" is no country
