"""Pronoun agreement words per language (``data/<lang>/pronoun_words.yaml``, with provenance): which
personal and possessive pronouns stand only for a person, never for one, for several parties or one,
their gender where the language marks it, the first-person words that stand for whoever speaks, and
the words of impersonal subjects. Read by chronique.coding.pronouns, chronique.coding.quoted_speaker
and chronique.coding.impersonal."""

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
    speaker: frozenset[str] = frozenset()  # first person: whoever speaks (chronique.coding.quoted_speaker)
    # impersonal subjects (chronique.coding.impersonal): the pronouns that may be one, the verbs whose
    # subject pronoun never names anyone, the clitic of existence ("il y a") and the words that open
    # the clause an impersonal adjective governs ("il est probable que", "it is likely that")
    impersonal: frozenset[str] = frozenset()
    impersonal_verbs: frozenset[str] = frozenset()
    existential: frozenset[str] = frozenset()
    clause_marks: frozenset[str] = frozenset()


@cache
def pronoun_words(lang: str) -> PronounWords:
    """The packaged pronoun words of ``lang`` (read once per process); another language has none."""
    return load_word_lists(PronounWords, FILE_NAME, (lang,)) if lang in LANGUAGES else PronounWords()
