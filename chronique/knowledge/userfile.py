"""User actor files that add to or override the built-in knowledge (``--actors FILE``).

Accepted: YAML (``actors:`` and ``agents:`` lists, the shape ``kb import-petrarch`` writes), CSV
(the people*.csv columns, or ``name,code,sector,kind,aliases,wikidata``) and PETRARCH ``.txt``
actor or agent dictionaries. A YAML actor::

    - name: Arnor Liberation Front        # normalised English name
      aliases: [ALF, Front de libération d'Arnor]
      code: ARN                            # ISO-3, IGO or any CAMEO-style code
      sector: REB
      kind: group                          # country | organisation | person | group
      wikidata: null
      terms:                               # dated codes or roles (optional)
        - {code: ARNGOV, start: 2020-01-01, end: null, role: head_of_state}
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

from chronique.errors import KnowledgeError
from chronique.knowledge.actor_entry import NAME, SECTOR, ActorEntry, ActorSink
from chronique.knowledge.datafiles import split_forms
from chronique.knowledge.people import Person, Term, date_bound, read_people
from chronique.knowledge.petrarch import (
    looks_like_agents,
    parse_actors,
    parse_agents,
    split_code,
    to_user_records,
)

KINDS = ("country", "organisation", "person", "group")


def add_user_file(kb: ActorSink, path: Path) -> None:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"expected a readable UTF-8 actor file, found {exc}", where=where) from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"expected YAML, found a syntax error: {exc}", where=where) from exc
        add_records(kb, data, where=where)
    elif suffix == ".csv":
        add_csv(kb, text, where=where)
    elif suffix == ".txt":
        if looks_like_agents(text):
            records = to_user_records([], parse_agents(text, where=where))
        else:
            records = to_user_records(parse_actors(text, where=where), [])
        add_records(kb, records, where=where)
    else:
        raise KnowledgeError(f"expected an actor file ending in .yaml, .yml, .csv or .txt (PETRARCH), "
                             f"found {path.suffix or 'no suffix'!r}", where=where)


def add_csv(kb: ActorSink, text: str, *, where: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))
    header = set(rows[0]) if rows else set()
    if {"role", "start", "country"} <= header:
        for person in read_people(rows, where=where):
            kb.add_person(person, override=True, source=where)
        return
    if "name" not in header:
        raise KnowledgeError(f"expected a CSV header with 'name' (and code, sector, kind, aliases, wikidata) or "
                             f"the people columns, found {sorted(header)}", where=where)
    add_records(kb, {"actors": [{**row, "aliases": split_forms(row.get("aliases"))} for row in rows]}, where=where)


def add_records(kb: ActorSink, data: Any, *, where: str) -> None:
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected a mapping with 'actors' and/or 'agents', found {type(data).__name__}",
                             where=where)
    for number, record in enumerate(data.get("actors") or [], start=1):
        _add_actor(kb, _mapping(record, where, number), where=where, number=number)
    for number, record in enumerate(data.get("agents") or [], start=1):
        record = _mapping(record, where, number)
        forms = [str(f) for f in record.get("forms") or []]
        sector = str(record.get("sector") or "").strip()
        if not forms or not sector:
            raise KnowledgeError("expected an agent with 'forms' and 'sector', found "
                                 f"{sorted(record)}", where=where, record=number)
        entry = ActorEntry(name=sector, code=None, sector=sector, kind="group", what=SECTOR,
                           lang=record.get("lang"), standalone=bool(record.get("standalone", True)),
                           raw_code=record.get("code"), source=where)
        kb.add(entry, forms, override=True)


def _mapping(record: Any, where: str, number: int) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise KnowledgeError(f"expected an entry as a mapping, found {type(record).__name__}",
                             where=where, record=number)
    return record


def _surface(name: str) -> str:
    """PETRARCH writes names in capitals: keep short acronyms, title-case the rest."""
    letters = [c for c in name if c.isalpha()]
    if name.isupper() and len(letters) > 4 and "." not in name:
        return name.title()
    return name


def _add_actor(kb: ActorSink, record: dict[str, Any], *, where: str, number: int) -> None:
    name = str(record.get("name") or "").strip()
    if not name:
        raise KnowledgeError("expected an actor with a 'name', found none", where=where, record=number)
    kind = str(record.get("kind") or "").strip() or None
    if kind is not None and kind not in KINDS:
        raise KnowledgeError(f"expected kind in {KINDS}, found {kind!r}", where=where, record=number)
    raw_code = record.get("code")
    sector = str(record.get("sector") or "").strip() or None
    code = str(raw_code) if raw_code else None
    if code and sector is None and len(code) in (6, 9):  # a CAMEO compound: "GONMIL" = GON + MIL
        code, sector = split_code(code)
    terms = [_term(t, where, number) for t in record.get("terms") or []]
    person = Person(name=name, wikidata=record.get("wikidata") or None, terms=terms) if terms else None
    if person and raw_code:  # the undated code is the fallback outside every dated term
        person.terms.append(Term(country=code, sector=sector, role="default", raw_code=str(raw_code)))
    if person:
        kb.people.add(person)
    entry = ActorEntry(
        name=_surface(name).title() if name.isupper() else name, code=code, sector=sector,
        kind=kind or ("country" if raw_code and len(str(raw_code)) == 3 else "group"),
        wikidata=record.get("wikidata") or None, what=NAME, person=person, raw_code=raw_code, source=where,
    )
    aliases = [name, *[str(a) for a in record.get("aliases") or []]]
    kb.add(entry, [_surface(a) for a in aliases], override=True, stem=bool(record.get("stem", False)))


def _term(raw: Any, where: str, number: int) -> Term:
    term = _mapping(raw, where, number)
    code = term.get("code")
    country, sector = split_code(str(code)) if code else (term.get("country"), None)
    start, end = term.get("start"), term.get("end")
    return Term(country=country, sector=term.get("sector") or sector, role=str(term.get("role") or "dated"),
                start=date_bound(str(start), end=False) if start else None,
                end=date_bound(str(end), end=True) if end else None, raw_code=str(code) if code else None)
