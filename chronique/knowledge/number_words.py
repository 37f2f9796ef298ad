"""Cardinal number words per language (``data/<lang>/number_words.yaml``, with provenance): units
and tens with their values, the hundred, the scales (thousand, million), the fillers that may join
them ("et", "and"), the units that multiply a following twenty ("quatre-vingts"), the signs that
announce a reference number ("n°", "no."), and the nouns that count ("douzaine", "dozen") with the
article that makes one of them ("une", "a"). Read by the arms stage's cardinals, the casualty export
and the date sanity check, for every supported language at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "number_words.yaml"


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int] = field(default_factory=dict)
    hundreds: frozenset[str] = frozenset()
    scales: dict[str, int] = field(default_factory=dict)
    fillers: frozenset[str] = frozenset()
    twenty_multipliers: frozenset[str] = frozenset()
    number_signs: frozenset[str] = frozenset()
    count_nouns: dict[str, int] = field(default_factory=dict)
    single_articles: frozenset[str] = frozenset()


@cache
def load_number_words(languages: tuple[str, ...] = LANGUAGES) -> NumberWords:
    """The packaged words of ``languages``, merged in order (read once per process)."""
    return load_word_lists(NumberWords, FILE_NAME, languages)


def number_words() -> NumberWords:
    """The number words of every supported language."""
    return load_number_words()
