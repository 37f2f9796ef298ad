"""Gazetteer-backed toponym candidates (geo.candidates) on sentences tokenised without a model."""

from __future__ import annotations

import pytest
import spacy

from chronique.geo import candidates
from chronique.geo.candidates import candidate_spans
from chronique.knowledge.function_words import FunctionWords

KNOWN = {"maywood", "march", "august", "turkish", "allendale", "gaza", "tamil nadu", "lunéville", "texas",
         "stratford upon avon"}


def known(text: str) -> bool:
    return text.lower() in KNOWN


def found(text: str, lang: str = "en", taken: list[tuple[int, int]] | None = None) -> list[str]:
    doc = spacy.blank(lang)(text)
    return [s.text for s in candidate_spans(doc, lang, known, taken or [])]


def test_a_known_name_after_a_locative_preposition_is_a_candidate() -> None:
    assert found("The council voted in Maywood and near Allendale last night.") == ["Maywood", "Allendale"]
    assert found("Heavy rain fell across Tamil Nadu on Sunday.") == ["Tamil Nadu"]
    assert found("A bridge was rebuilt at Stratford upon Avon.") == ["Stratford upon Avon"]


def test_french_locatives_including_pres_de() -> None:
    assert found("Un entrepôt a brûlé près de Lunéville hier.", "fr") == ["Lunéville"]
    assert found("Les pompiers sont intervenus à Lunéville.", "fr") == ["Lunéville"]


def test_a_place_before_a_hyphen_and_a_participle() -> None:
    assert found("A Gaza-based group claimed the rocket fire.") == ["Gaza"]
    assert found("The Texas-born pilot landed safely.") == ["Texas"]


def test_no_context_no_candidate() -> None:
    # a known name with no locative before it, an unknown name, a lower-case word, a sentence opener
    assert found("Maywood voted. The mayor met Smith in Springfieldia, in maywood too.") == []


def test_names_already_taken_are_left_alone() -> None:
    text = "The council voted in Maywood."
    start = text.index("Maywood")
    assert found(text, taken=[(start, start + 7)]) == []


def test_adjectives_joined_by_a_hyphen_are_not_places() -> None:
    # even a listed word is no candidate inside an adjective compound: no locative, no participle
    assert found("Shelling hit the Syrian-Turkish border.") == []


def test_month_names_are_time_not_towns() -> None:
    assert found("The plant closed in March and reopened in Maywood in August.") == ["Maywood"]


def test_the_words_that_make_a_place_are_the_language_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A language's place prepositions and two-word locatives come from its function-word file:
    with other words there, other contexts propose the same name."""
    data = FunctionWords(place_prepositions=frozenset({"amid"}), place_heads=frozenset({"close"}),
                         place_head_links=frozenset({"to"}))
    monkeypatch.setattr(candidates, "words_of", lambda lang=None: data)
    assert found("Shops shut amid Maywood and close to Allendale, not in Texas.") == ["Maywood", "Allendale"]


def test_a_language_without_data_proposes_only_hyphenated_places() -> None:
    assert found("Un entrepôt a brûlé à Lunéville.", "it") == []
    assert found("A Gaza-based group claimed it.", "it") == ["Gaza"]
