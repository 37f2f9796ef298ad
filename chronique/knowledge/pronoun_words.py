"""Pronoun agreement words per language (``data/<lang>/pronoun_words.yaml``, with provenance): which
personal and possessive pronouns stand only for a person, never for one, for several parties or one,
and their gender where the language marks it. Read by chronique.coding.pronouns."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "pronoun_words.yaml"


@dataclass(frozen=True)
class PronounWords:
    person: frozenset[str] = frozenset()
    nonperson: frozenset[str] = frozenset()
    plural: frozenset[str] = frozenset()
    singular: frozenset[str] = frozenset()
    feminine: frozenset[str] = frozenset()
    masculine: frozenset[str] = frozenset()


@cache
def pronoun_words(lang: str) -> PronounWords:
    """The packaged pronoun words of ``lang`` (read once per process); another language has none."""
    return load_word_lists(PronounWords, FILE_NAME, (lang,)) if lang in LANGUAGES else PronounWords()
