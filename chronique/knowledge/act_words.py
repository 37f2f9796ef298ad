"""Words that tell whether a sentence tells an act (``data/<lang>/act_words.yaml``, with provenance):
reflexive objects, first-person pronouns, words of frequency, of quantity and of change in quantity,
and the subordinators of a hypothesis or an indirect question. Read by chronique.coding.told_acts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "act_words.yaml"


@dataclass(frozen=True)
class ActWords:
    reflexive_objects: frozenset[str] = frozenset()
    pronominal_clitics: frozenset[str] = frozenset()
    self_harm_verbs: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    quote_marks: frozenset[str] = frozenset()
    frequency_adverbs: frozenset[str] = frozenset()
    distributive_determiners: frozenset[str] = frozenset()
    time_units: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()
    hypothesis_marks: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    ellipses: frozenset[str] = frozenset()


@cache
def act_words(lang: str) -> ActWords:
    """The packaged act words of ``lang`` (read once per process); another language has none."""
    return load_word_lists(ActWords, FILE_NAME, (lang,)) if lang in LANGUAGES else ActWords()
