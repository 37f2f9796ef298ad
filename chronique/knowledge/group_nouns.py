"""Common nouns that name people or a group of people ("un homme", "son prédécesseur", "the
attacker"), per language (``data/group_nouns.csv``): the PLOVER sector each gives the party, and
whether the party takes the country in focus or stays unknown (unnamed attackers are UNK), and
whether a possessive makes them the possessor's own people ("its men", "ses partisans": no party
the possessor acts on) or still others ("son prédécesseur", "his attackers")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_csv, split_forms

FILE_NAME = "group_nouns.csv"
FOCUS = "focus"  # the party takes the country in focus of its sentence
UNKNOWN = "UNK"  # the party stays unknown whatever the context
OWN = "own"  # with a possessive, the possessor's own people
POSSESSED = (OWN, "other")


@dataclass(frozen=True)
class PeopleNoun:
    sector: str
    code: str  # FOCUS or UNKNOWN
    own: bool  # a possessive makes them the possessor's own people


@cache
def group_nouns(lang: str) -> dict[str, PeopleNoun]:
    """Lower-cased noun -> its sector and code rule, for ``lang`` (empty for other languages)."""
    out: dict[str, PeopleNoun] = {}
    for n, row in enumerate(read_data_csv(FILE_NAME), start=2):
        if row.get("code") not in (FOCUS, UNKNOWN) or not row.get("sector") or row.get("possessed") not in POSSESSED:
            raise KnowledgeError(f"expected a sector, code focus or UNK and possessed own or other, found {row}",
                                 where=f"{FILE_NAME}:{n}")
        if row["lang"] == lang:
            for form in split_forms(row["forms"]):
                out.setdefault(form.lower(), PeopleNoun(row["sector"], row["code"], row["possessed"] == OWN))
    return out
