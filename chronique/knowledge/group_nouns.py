"""Common nouns that name people or a group of people ("un homme", "son prédécesseur", "the
attacker"), per language (``data/group_nouns.csv``): the PLOVER sector each gives the party, and
whether the party takes the country in focus or stays unknown (unnamed attackers are UNK)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_csv, split_forms

FILE_NAME = "group_nouns.csv"
FOCUS = "focus"  # the party takes the country in focus of its sentence
UNKNOWN = "UNK"  # the party stays unknown whatever the context


@dataclass(frozen=True)
class PeopleNoun:
    sector: str
    code: str  # FOCUS or UNKNOWN


@cache
def group_nouns(lang: str) -> dict[str, PeopleNoun]:
    """Lower-cased noun -> its sector and code rule, for ``lang`` (empty for other languages)."""
    out: dict[str, PeopleNoun] = {}
    for n, row in enumerate(read_data_csv(FILE_NAME), start=2):
        if row.get("code") not in (FOCUS, UNKNOWN) or not row.get("sector"):
            raise KnowledgeError(f"expected a sector and code focus or UNK, found {row}", where=f"{FILE_NAME}:{n}")
        if row["lang"] == lang:
            for form in split_forms(row["forms"]):
                out.setdefault(form.lower(), PeopleNoun(row["sector"], row["code"]))
    return out
