"""Prepositions that introduce what an act is about rather than whom it is aimed at
(``data/<lang>/topic_case_words.yaml``, with provenance). Read by chronique.coding.topic_phrases."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "topic_case_words.yaml"


@dataclass(frozen=True)
class TopicCaseWords:
    # always the topic ("asked about X", "answers regarding X", "sanctioned X over Y")
    topic_cases: frozenset[str] = frozenset()
    # the topic of a word, a request, talks or a deal ("answers on X", "talks on X"), the target of
    # force, pressure or a measure ("strikes on X", "sanctions on X")
    topic_or_aim_cases: frozenset[str] = frozenset()


@cache
def topic_case_words(lang: str) -> TopicCaseWords:
    """The packaged words of ``lang`` (read once per process); another language has none."""
    return load_word_lists(TopicCaseWords, FILE_NAME, (lang,)) if lang in LANGUAGES else TopicCaseWords()
