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
def test_two_known_names_joined_by_a_hyphen_are_both_places() -> None:
    assert found("Trucks queued at the Tamil Nadu-Maywood checkpoint.") == ["Tamil Nadu", "Maywood"]
    assert found("The Allendale-Lunéville train was cancelled.") == ["Allendale", "Lunéville"]
    # one part unknown: no pair, so no place ("Springfieldia" is invented and listed nowhere)
    assert found("The Allendale-Springfieldia road reopened.") == []


def test_a_place_noun_and_of_or_de_before_a_name() -> None:
    assert found("Troops entered the province of Tamil Nadu at dawn.") == ["Tamil Nadu"]
    assert found("Crowds gathered on the outskirts of Maywood.") == ["Maywood"]
    assert found("Le conseil du canton de Lunéville a voté.", "fr") == ["Lunéville"]
    # the people and offices of a place name it; a noun that is no place noun gives no context
    assert found("The mayor of Maywood spoke.") == ["Maywood"]
    assert found("Le maire de Lunéville a parlé.", "fr") == ["Lunéville"]
    assert found("The friend of Maywood spoke.") == []


def test_hyphen_parts_of_an_entity() -> None:
    from chronique.geo.candidates import hyphen_parts

    doc = spacy.blank("en")("Clashes along the Tamil Nadu-Texas border.")
    entity = doc[2:7]  # "the Tamil Nadu-Texas"
    assert [p.text for p in hyphen_parts(entity, known)] == ["Tamil Nadu", "Texas"]
    adjectives = spacy.blank("en")("the Syrian-Turkish border")[0:4]
    assert hyphen_parts(adjectives, known) == []


def test_known_names_listed_after_a_locative_are_all_candidates() -> None:
    assert found("Power cuts hit homes in Maywood, Allendale and Lunéville overnight.") == [
        "Maywood", "Allendale", "Lunéville"]
    assert found("Des orages ont frappé à Lunéville, Maywood ou Allendale.", "fr") == [
        "Lunéville", "Maywood", "Allendale"]
    # the list is broken by an unknown name: what follows it has no locative of its own
    assert found("Crews worked in Maywood, Springfieldia and Allendale.") == ["Maywood"]
    # a known name after a comma with no locative before the list is no candidate
    assert found("Officials said on Monday, Allendale and Maywood would share the cost.") == []


def test_a_two_letter_part_is_an_article_not_a_place() -> None:
    known_al = {"al", "maywood"}
    doc = spacy.blank("en")("Reporters of the Al-Maywood daily left.")
    assert candidate_spans(doc, "en", lambda t: t.lower() in known_al, []) == []
