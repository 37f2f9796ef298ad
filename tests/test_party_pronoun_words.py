"""The word files of unlisted parties and pronoun agreement (data/<lang>/party_words.yaml,
pronoun_words.yaml): each language file has its provenance and every list, and reads into the
sectors and agreement classes the coder uses."""

from __future__ import annotations

from dataclasses import fields
from importlib import resources

import pytest
import yaml

from chronique.knowledge.party_words import PartyWords, party_words
from chronique.knowledge.pronoun_words import PronounWords, pronoun_words


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("file_name", "record"), [("party_words.yaml", PartyWords),
                                                   ("pronoun_words.yaml", PronounWords)])
def test_each_language_file_has_its_provenance_and_every_list(lang: str, file_name: str, record: type) -> None:
    text = resources.files("chronique.knowledge").joinpath("data", lang, file_name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["source"] and data["language"] == lang
    assert set(data["lists"]) == {f.name for f in fields(record)}


def test_head_nouns_read_into_plover_sectors() -> None:
    en, fr = party_words("en").sectors(), party_words("fr").sectors()
    assert (en["union"], en["party"], en["tribunal"], en["house"]) == ("LAB", "PTY", "JUD", "LEG")
    assert (fr["syndicat"], fr["parti"], fr["maire"], fr["judiciaire"]) == ("LAB", "PTY", "GOV", "JUD")
    assert all(len(code) == 3 and code.isupper() for code in {*en.values(), *fr.values()})


def test_an_unsupported_language_has_no_words() -> None:
    assert party_words("de") == PartyWords() and pronoun_words("de") == PronounWords()
    assert "elle" in pronoun_words("fr").feminine and "they" in pronoun_words("en").plural
