"""Function words per language: the prepositions, clitics, modal auxiliaries and reporting markers
the rule coder reads an act's roles and modality with, and the determiners, honorifics and titles
the actors, places and weapons stages read names with (``data/<lang>/function_words.yaml``, each
file with its provenance). Adding a language adds a file; nothing in the code names a word.

The coder reads the words of every supported language at once, as it always has: quotes, names and
wire copy cross languages, and a word of one language is rarely a function word of the other.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from chronique.knowledge.word_lists import load_word_lists, parse_word_lists

LANGUAGES: tuple[str, ...] = ("fr", "en")
FILE_NAME = "function_words.yaml"


@dataclass(frozen=True)
class FunctionWords:
    """One set of lower-case words per role a function word plays (see the data files' comments)."""

    recipient_cases: frozenset[str] = frozenset()
    locative_cases: frozenset[str] = frozenset()
    where_cases: frozenset[str] = frozenset()
    source_cases_noun: frozenset[str] = frozenset()
    agent_cases: frozenset[str] = frozenset()
    aimed_cases: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    reflexive_clitics: frozenset[str] = frozenset()
    euphonic: frozenset[str] = frozenset()
    object_clitics: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    conditional_auxiliaries: frozenset[str] = frozenset()
    source_markers: frozenset[str] = frozenset()
    # read by the actors, places and weapons stages (chronique.nlp): compared with accent-folded
    # tokens, but honorifics, person titles and conjunctions with lower-cased ones
    anaphoric_determiners: frozenset[str] = frozenset()
    plural_determiners: frozenset[str] = frozenset()
    apposition_determiners: frozenset[str] = frozenset()
    noun_complements: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    name_connectors: frozenset[str] = frozenset()
    addressee_marks: frozenset[str] = frozenset()
    complement_marks: frozenset[str] = frozenset()
    locative_words: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    # read by the gazetteer's toponym candidates (chronique.geo.candidates), with lower-cased tokens
    place_prepositions: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    place_head_links: frozenset[str] = frozenset()
    name_joiners: frozenset[str] = frozenset()
    place_participles: frozenset[str] = frozenset()
    list_joiners: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    modal_lemmas: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    event_noun_endings: frozenset[str] = frozenset()
    conditional_endings: frozenset[str] = frozenset()

    def __or__(self, other: FunctionWords) -> FunctionWords:
        return FunctionWords(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})


def parse_function_words(data: Any, where: str) -> FunctionWords:
    """The word lists of one parsed file; every list the record has must be there, as strings."""
    return parse_word_lists(FunctionWords, data, where)


@cache
def load_function_words(languages: tuple[str, ...] = LANGUAGES) -> FunctionWords:
    """The packaged words of ``languages``, merged (read once per process: the record is immutable)."""
    return load_word_lists(FunctionWords, FILE_NAME, languages)


def words_of(lang: str | None = None) -> FunctionWords:
    """The words of every supported language (``None``), or of one (none for a language without data)."""
    if lang is None:
        return load_function_words()
    return load_function_words((lang,)) if lang in LANGUAGES else FunctionWords()
