"""Function words are per-language data with provenance (data/<lang>/function_words.yaml): each file
holds every list, bad files are knowledge errors naming the file, and the coder reads them all."""

from __future__ import annotations

import re
from dataclasses import fields
from importlib import resources

import pytest
import yaml

from chronique.errors import KnowledgeError
from chronique.knowledge.function_words import (
    FILE_NAME,
    LANGUAGES,
    FunctionWords,
    load_function_words,
    parse_function_words,
)
from chronique.knowledge.lexicon import load_event_lexicon

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
    with pytest.raises(KnowledgeError, match="function words of 'xx'"):
        load_function_words(("xx",))
