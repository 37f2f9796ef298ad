"""Casualty words per language (``data/<lang>/casualty_words.yaml``, with provenance): the words of
killing, wounding and arrest a count of people goes with ("12 soldiers were killed", "faisant deux
morts"), and the hedges allowed between such a word and its count ("at least", "au moins"). Read by
the PLOVER export's ``size`` (chronique.export.casualties), for every supported language at once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "casualty_words.yaml"


@dataclass(frozen=True)
class CasualtyWords:
    dead: frozenset[str] = frozenset()
    injured: frozenset[str] = frozenset()
    arrested: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()

    def kinds(self) -> dict[str, frozenset[str]]:
        """The words of each kind of casualty, by the name the PLOVER ``size`` object gives it."""
        return {"dead": self.dead, "injured": self.injured, "arrested": self.arrested}


@cache
def casualty_words(languages: tuple[str, ...] = LANGUAGES) -> CasualtyWords:
    """The packaged words of ``languages``, merged (read once per process)."""
    return load_word_lists(CasualtyWords, FILE_NAME, languages)
