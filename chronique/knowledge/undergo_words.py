"""Verbs and frame nouns whose subject undergoes or receives the act a noun complement names
("Iran faces criticism from the UN", "le Pakistan fait face à une insurrection", "a fait l'objet
d'accusations"), per language (``data/undergo_words.csv``). A two-word verb form ("faire face",
"come under") is the verb and the word it governs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_csv, split_forms

FILE_NAME = "undergo_words.csv"
KINDS = ("verb", "frame")


@dataclass(frozen=True)
class UndergoWords:
    verbs: frozenset[str] = frozenset()  # lemmas
    phrasal: frozenset[tuple[str, str]] = frozenset()  # (verb lemma, the word it governs)
    frames: frozenset[str] = frozenset()  # frame-noun lemmas


@cache
def undergo_words(lang: str) -> UndergoWords:
    verbs: set[str] = set()
    phrasal: set[tuple[str, str]] = set()
    frames: set[str] = set()
    for n, row in enumerate(read_data_csv(FILE_NAME), start=2):
        if row.get("kind") not in KINDS:
            raise KnowledgeError(f"expected kind verb or frame, found {row.get('kind')!r}", where=f"{FILE_NAME}:{n}")
        if row["lang"] != lang:
            continue
        for form in split_forms(row["forms"]):
            words = form.lower().split()
            if row["kind"] == "frame":
                frames.add(words[0])
            elif len(words) == 2:
                phrasal.add((words[0], words[1]))
            else:
                verbs.add(words[0])
    return UndergoWords(frozenset(verbs), frozenset(phrasal), frozenset(frames))
