"""The arms stage's words, the number words and the casualty words are per-language data with
provenance (data/<lang>/arms_words.yaml, number_words.yaml, casualty_words.yaml): each file holds
every list, bad files are knowledge errors naming the file, and the stages read what the files say
(sentences written for these tests)."""

from __future__ import annotations

from dataclasses import fields
from importlib import resources

import pytest
import spacy
import yaml

from chronique.arms import definite, discourse, numbers
from chronique.arms.frames import Party
from chronique.errors import KnowledgeError
from chronique.knowledge.arms_words import ArmsWords, arms_words, load_arms_words
from chronique.knowledge.casualty_words import CasualtyWords, casualty_words
from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.number_words import NumberWords, load_number_words, number_words
from chronique.knowledge.word_lists import parse_word_lists
from chronique.nlp import date_names
from chronique.temporal.timex import Timex

RECORDS = [("arms_words.yaml", ArmsWords), ("number_words.yaml", NumberWords), ("casualty_words.yaml", CasualtyWords)]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("file_name", "record"), RECORDS)
def test_each_language_file_has_its_provenance_and_every_list(lang: str, file_name: str, record: type) -> None:
    text = resources.files("chronique.knowledge").joinpath("data", lang, file_name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["language"] == lang and data["source"]
    assert sorted(data["lists"]) == sorted(f.name for f in fields(record))
    parse_word_lists(record, data, lang)


def test_the_languages_merge_into_the_words_the_stage_always_read() -> None:
    french, english, merged = load_arms_words(("fr",)), load_arms_words(("en",)), arms_words()
    assert merged.to_words == {"to", "for", "à", "au", "aux", "pour"} == french.to_words | english.to_words
    assert merged.agent_words == {"by", "par"}
    assert merged.relative_pronouns == {"qui", "which", "who", "that"}
    assert merged.dative_clitics == french.dative_clitics == {"lui", "leur"}
    assert merged.definite_determiners == {"the", "these", "those", "le", "la", "les", "l'", "l’", "ces", "cette",
                                           "ce", "cet"}
    assert merged.frame_words == (merged.to_words | merged.from_words | merged.buyer_source_words
                                  | merged.agent_words | merged.place_words)
    words = number_words()
    assert words.fillers == {"et", "and"} and words.hundreds == {"cent", "cents", "hundred"}
    assert words.scales == {"mille": 1_000, "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000}
    assert words.number_signs == {"n°", "nº", "no.", "no", "nr.", "n.", "#", "no°"}
    assert load_number_words(("fr",)).units["nonante"] == 90 and load_number_words(("en",)).units["six"] == 6
    assert casualty_words().injured == {"wounded", "injured", "injuring", "wounding", "blessés", "blessées", "blessé",
                                        "blessée", "blessant"}
    assert casualty_words().hedges == {"at least", "au moins", "some", "about", "environ"}


def test_a_bad_file_is_a_knowledge_error_that_names_it() -> None:
    with pytest.raises(KnowledgeError, match="source"):
        parse_word_lists(ArmsWords, {"lists": {}}, "data/xx/arms_words.yaml")
    with pytest.raises(KnowledgeError, match="to_words"):
        parse_word_lists(ArmsWords, {"source": "test", "lists": {"to_words": "to"}}, "here")
    lists = {f.name: [] for f in fields(NumberWords)} | {"units": {"two": "2"}, "scales": {}}
    with pytest.raises(KnowledgeError, match="units"):
        parse_word_lists(NumberWords, {"source": "test", "lists": lists}, "here")
    with pytest.raises(KnowledgeError, match="sideways"):
        parse_word_lists(NumberWords, {"source": "test", "lists": {"sideways": []}}, "here")


def test_other_number_words_read_other_cardinals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cardinals are read with the data's words: with Spanish ones, "dos mil" is a number and
    "two thousand" is none."""
    spanish = NumberWords(units={"dos": 2, "veinte": 20}, scales={"mil": 1000}, fillers=frozenset({"y"}))
    assert numbers.parse_cardinal("two thousand") == 2000
    monkeypatch.setattr(numbers, "number_words", lambda: spanish)
    assert numbers.parse_cardinal("dos mil") == 2000
    assert numbers.parse_cardinal("veinte y dos") == 22
    assert numbers.parse_cardinal("two thousand") is None
    assert numbers.is_number_word("y") and not numbers.is_number_word("and")


def test_other_determiners_and_signs_change_what_the_stages_read(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = spacy.blank("en")("Berlin sent die tanks last spring.")
    assert not definite._definite(doc, 3)
    monkeypatch.setattr(definite, "arms_words", lambda: ArmsWords(definite_determiners=frozenset({"die"})))
    assert definite._definite(doc, 3)
    text = "The court cited ruling nr 2019 of its archive."
    timex = Timex(text.index("2019"), text.index("2019") + 4, "2019", "2019")
    assert not date_names.number_in_name(text, timex, {"june"})
    monkeypatch.setattr(date_names, "number_words", lambda: NumberWords(number_signs=frozenset({"nr"})))
    assert date_names.number_in_name(text, timex, {"june"})


def test_a_relative_pronoun_of_the_data_finds_its_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    """"Oslo, welche …": with a German relative pronoun in the data, the party before it is found."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Oslo, welche promised to sell rifles.")
    party = Party("NOR", 0, 1, "", False)
    trigger = doc[5]
    assert discourse.relative_antecedent(trigger, [party]) is None
    monkeypatch.setattr(discourse, "arms_words", lambda: ArmsWords(relative_pronouns=frozenset({"welche"})))
    assert discourse.relative_antecedent(trigger, [party]) == "NOR"
