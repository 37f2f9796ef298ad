"""Dated roles of the people the knowledge base lists for an actor code (for the actor page):
who held which office for that country, from when to when."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronique.knowledge.actors import packaged_people_files
from chronique.knowledge.datafiles import read_data_csv
from chronique.knowledge.people import Person, merge_persons, read_people


@dataclass(frozen=True)
class Role:
    name: str
    wikidata: str | None
    role: str
    sector: str | None
    start: str | None
    end: str | None


@lru_cache(maxsize=1)
def _persons() -> tuple[Person, ...]:
    """The packaged people files, read once per process (immutable data)."""
    files = packaged_people_files()
    return tuple(merge_persons(p for name in files for p in read_people(read_data_csv(name), where=name)))


def roles_of(code: str) -> list[Role]:
    """Every term held for ``code``, most recent first."""
    code = code.upper()
    found = [Role(p.name, p.wikidata, t.role, t.sector, t.start, t.end)
             for p in _persons() for t in p.terms if t.country == code]
    found.sort(key=lambda r: (r.start or "", r.name), reverse=True)
    return found
