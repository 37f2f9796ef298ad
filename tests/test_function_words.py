"""Function words are per-language data with provenance (data/<lang>/function_words.yaml): each file
holds every list, bad files are knowledge errors naming the file, and the coder reads them all."""

from __future__ import annotations

import re
from dataclasses import fields
from importlib import resources

import pytest
import spacy
import yaml

from chronique.errors import KnowledgeError
from chronique.knowledge.function_words import (
    FILE_NAME,
    LANGUAGES,
    FunctionWords,
    load_function_words,
    parse_function_words,
    words_of,
)
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.anaphora import name_runs
from chronique.nlp.resources import Resources

NAMES = [f.name for f in fields(FunctionWords)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_file_has_its_provenance_and_every_list(lang: str) -> None:
    text = resources.files("chronique.knowledge").joinpath("data", lang, FILE_NAME).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["language"] == lang and data["source"]
    assert sorted(data["lists"]) == sorted(NAMES)
    words = parse_function_words(data, lang)
    assert all(w == w.lower() for name in NAMES for w in getattr(words, name))


def test_the_languages_merge_into_one_record() -> None:
    merged = load_function_words()
    french, english = load_function_words(("fr",)), load_function_words(("en",))
    assert merged == french | english
    assert "selon" in french.source_markers and "according" in english.source_markers
    assert {"à", "to"} <= merged.recipient_cases and "on" in merged.aimed_cases  # "on" is no YAML boolean here


def test_the_coder_reads_the_words_of_every_language() -> None:
    assert load_event_lexicon("fr").words == load_event_lexicon("en").words == load_function_words()


@pytest.mark.parametrize(("data", "expected"), [
    ({"lists": {}}, "'source'"),
    ({"source": "tests", "lists": ["à"]}, "'lists' mapping"),
    ({"source": "tests", "lists": {"recipient_cases": ["à"], "prepositions": ["de"]}}, "found ['prepositions']"),
    ({"source": "tests", "lists": {name: [] for name in NAMES} | {"euphonic": [True]}}, "'euphonic' as a list"),
    ({"source": "tests", "lists": {"recipient_cases": ["à"]}}, "'locative_cases' as a list"),
])
def test_a_bad_file_is_a_knowledge_error_naming_it(data: object, expected: str) -> None:
    with pytest.raises(KnowledgeError, match=re.escape(expected)) as caught:
        parse_function_words(data, "data/xx/function_words.yaml")
    assert caught.value.where == "data/xx/function_words.yaml"


def test_an_unknown_language_has_no_file() -> None:
    with pytest.raises(KnowledgeError, match=r"function_words\.yaml of 'xx', found no file"):
        load_function_words(("xx",))


def test_one_language_has_its_own_words_and_one_without_data_none() -> None:
    french = words_of("fr")
    assert "cette" in french.anaphoric_determiners and "the" not in french.anaphoric_determiners
    assert words_of("en").anaphoric_determiners >= {"the", "these"} and "avec" in french.conjunctions
    assert words_of("de") == FunctionWords() and words_of() == load_function_words()
    assert Resources().function_words("en") == words_of("en")


def test_the_actors_stage_reads_its_honorifics_from_the_data() -> None:
    doc = spacy.blank("en")("It was Herr Karl Weber who spoke.")
    assert name_runs(doc) == [(2, 5)]  # "herr" is in no packaged list: part of the name
    assert name_runs(doc, honorifics=frozenset({"herr"})) == [(3, 5)]
    assert name_runs(spacy.blank("en")("It was Mrs. Jane Weber who spoke.")) == [(3, 5)]  # "Mrs." is English data
