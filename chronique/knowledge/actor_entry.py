"""One entry of the actor dictionary and what fills it: the record and the kinds of key, below the
modules that add entries (countries, organisations, user files) and the dictionary itself
(``chronique.knowledge.actors``), so that the two sides never import each other."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from chronique.knowledge.people import PeopleIndex, Person, Term

# What a dictionary key stands for; the stage treats each differently.
NAME, ADJECTIVE, CAPITAL, SECTOR, ROLE = "name", "adjective", "capital", "sector", "role"


@dataclass(frozen=True)
class ActorEntry:
    """One actor (or one role/sector word) that some aliases point to."""

    name: str
    code: str | None
    sector: str | None = None
    kind: str = "country"  # country | organisation | person | group
    wikidata: str | None = None
    what: str = NAME  # NAME | ADJECTIVE | CAPITAL | SECTOR | ROLE
    lang: str | None = None  # None: any language
    person: Person | None = None  # persons (and dated PETRARCH entries): codes by date
    role: str | None = None  # ROLE words: head_of_state, foreign_minister, …
    standalone: bool = False  # SECTOR words: a mention even without a country ("les rebelles")
    raw_code: str | None = None  # the code as an imported dictionary wrote it ("ARNGOV")
    source: str = ""

    def term_at(self, date: str | None) -> Term | None:
        return self.person.term_at(date) if self.person else None


class ActorSink(Protocol):
    """What the adders need of the dictionary (``ActorKnowledge`` is one)."""

    people: PeopleIndex

    def add(self, entry: ActorEntry, aliases: Iterable[str], *, override: bool = False,
            stem: bool = False) -> None: ...

    def add_person(self, person: Person, *, override: bool = False, source: str = "") -> None: ...
