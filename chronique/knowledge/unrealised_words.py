"""Words that tell an act was not carried out: failure, avoidance, refusal, inability, pressure
(``data/<lang>/unrealised_words.yaml``, with provenance). Read by chronique.coding.unrealised."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "unrealised_words.yaml"


@dataclass(frozen=True)
class UnrealisedWords:
    # verbs, adjectives and nouns whose complement clause is an act not done ("failed to", "eschewed
    # endorsing", "unable to", "under pressure to"), as lower-cased lemmas
    governors: frozenset[str] = frozenset()
    # verbs of request that, with an infinitive and no object, tell an attempt ("has sought to control
    # the movement"), not a request
    attempts: frozenset[str] = frozenset()


@cache
def unrealised_words(lang: str) -> UnrealisedWords:
    """The packaged words of ``lang`` (read once per process); another language has none."""
    return load_word_lists(UnrealisedWords, FILE_NAME, (lang,)) if lang in LANGUAGES else UnrealisedWords()
