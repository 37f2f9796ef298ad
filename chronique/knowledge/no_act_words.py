"""Words of sentences that tell no act of the report's own (``data/<lang>/no_act_words.yaml``, with
provenance): the verbs of wish or pledge that govern an act not yet done. Read by chronique.coding.no_act."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "no_act_words.yaml"


@dataclass(frozen=True)
class NoActWords:
    intention_verbs: frozenset[str] = frozenset()


@cache
def no_act_words(lang: str) -> NoActWords:
    """The packaged words of ``lang`` (read once per process); another language has none."""
    return load_word_lists(NoActWords, FILE_NAME, (lang,)) if lang in LANGUAGES else NoActWords()
