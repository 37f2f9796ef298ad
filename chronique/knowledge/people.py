"""People with dated roles (heads of state and government, ministers), read from people*.csv.

One CSV row per person-role-term: ``wikidata,name,name_fr,aliases,country,sector,role,start,end,
source``; dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, an empty end means "in office". Rows of
one person (same Wikidata id, or same name when the id is missing) make one Person.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronique.errors import KnowledgeError

PEOPLE_COLUMNS = ("wikidata", "name", "name_fr", "aliases", "country", "sector", "role", "start", "end")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bound(value: str, *, end: bool) -> str:
    """A partial date as the first (start) or last (end) day it covers: 2012 → 2012-01-01 / 2012-12-31."""
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        last = calendar.monthrange(int(value[:4]), int(value[5:7]))[1]
        return value + (f"-{last:02d}" if end else "-01")
    return value


@dataclass(frozen=True)
class Term:
    country: str | None
    sector: str | None
    role: str
    start: str | None = None  # YYYY-MM-DD (first day), None = since always
    end: str | None = None  # YYYY-MM-DD (last day), None = still holds it
    raw_code: str | None = None  # the code an imported dictionary gave for this term ("HOBGOV")

    def covers(self, date: str) -> bool:
        day = date_bound(date[:10], end=False)
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Person:
    name: str
    wikidata: str | None = None
    name_fr: str | None = None
    aliases: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    def all_names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *([self.name_fr] if self.name_fr else []), *self.aliases]))

    def term_at(self, date: str | None) -> Term | None:
        """The term in force on ``date`` (the latest starting one if several); without a date, or
        when none covers it, the most recent term."""
        if not self.terms:
            return None
        if date:
            current = [t for t in self.terms if t.covers(date)]
            if current:
                return max(current, key=lambda t: t.start or "")
        return max(self.terms, key=lambda t: (t.end is None, t.end or "", t.start or ""))


@dataclass
class PeopleIndex:
    persons: list[Person] = field(default_factory=list)
    by_role: dict[tuple[str, str], list[tuple[Person, Term]]] = field(default_factory=dict)

    def add(self, person: Person) -> None:
        self.persons.append(person)
        for term in person.terms:
            if term.country:
                self.by_role.setdefault((term.country, term.role), []).append((person, term))

    def holder(self, country: str, role: str, date: str | None) -> tuple[Person, Term] | None:
        """Who held ``role`` for ``country`` on ``date`` (without a date: who holds it now)."""
        terms = self.by_role.get((country, role), [])
        current = [(p, t) for p, t in terms if (t.covers(date) if date else t.end is None)]
        if not current:
            return None
        return max(current, key=lambda pt: pt[1].start or "")


def _date(value: str, *, where: str, record: int, column: str) -> str:
    value = value.strip()
    if not _DATE.match(value):
        raise KnowledgeError(f"expected {column} as YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}",
                             where=where, record=record)
    return value


def read_people(rows: Iterable[dict[str, str]], *, where: str) -> list[Person]:
    """Persons from people-CSV rows (header already applied); rows of one person are merged."""
    persons: dict[str, Person] = {}
    for number, row in enumerate(rows, start=2):
        missing = [c for c in PEOPLE_COLUMNS if c not in row]
        if missing:
            raise KnowledgeError(f"expected columns {list(PEOPLE_COLUMNS)}, missing {missing}",
                                 where=where, record=number)
        name = (row["name"] or "").strip()
        role = (row["role"] or "").strip()
        if not name or not role:
            raise KnowledgeError("expected a name and a role, found an empty one", where=where, record=number)
        start = _date(row["start"], where=where, record=number, column="start") if row["start"].strip() else None
        end = _date(row["end"], where=where, record=number, column="end") if (row["end"] or "").strip() else None
        wikidata = (row["wikidata"] or "").strip() or None
        person = persons.setdefault(wikidata or name, Person(name=name, wikidata=wikidata,
                                                             name_fr=(row["name_fr"] or "").strip() or None))
        for alias in (row["aliases"] or "").split("|"):
            if alias.strip() and alias.strip() not in person.aliases:
                person.aliases.append(alias.strip())
        person.terms.append(Term(
            country=(row["country"] or "").strip() or None, sector=(row["sector"] or "").strip() or None,
            role=role, start=date_bound(start, end=False) if start else None,
            end=date_bound(end, end=True) if end else None,
        ))
    return list(persons.values())


def merge_persons(persons: Iterable[Person]) -> list[Person]:
    """One Person per individual across several people files: same Wikidata id, else same name
    (a row without an id joins the person of that name that has one)."""
    merged: dict[str, Person] = {}
    by_name: dict[str, Person] = {}
    for person in persons:
        target = merged.get(person.wikidata or "") or by_name.get(person.name)
        if target is None:
            target = Person(name=person.name, wikidata=person.wikidata, name_fr=person.name_fr)
            merged[person.wikidata or f"name:{person.name}"] = target
            by_name[person.name] = target
        elif person.wikidata and not target.wikidata:
            target.wikidata = person.wikidata
            merged[person.wikidata] = target
        target.name_fr = target.name_fr or person.name_fr
        target.aliases.extend(a for a in person.aliases if a not in target.aliases)
        target.terms.extend(person.terms)
    return list({id(p): p for p in merged.values()}.values())
