"""PETRARCH/TABARI dictionaries: actor files (``NAME [CODE]``, ``+SYNONYM``, dated code blocks
``[CODE 19950601 - 19990815]``) and agent files (``POLICE {} [~COP]``, ``!MACRO! = A, B``).

They are read as user files (never shipped): ``parse_actors`` / ``parse_agents`` give plain
records, ``to_user_records`` the YAML shape of ``chronique kb import-petrarch``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from chronique.errors import KnowledgeError

_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# Codes that PETRARCH uses to recognise a name without coding it.
NULL_CODES = frozenset({"---", "+++", "###"})


@dataclass
class DatedCode:
    code: str | None  # None: a null code ("---")
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None


@dataclass
class PetrarchActor:
    names: list[str]
    codes: list[DatedCode] = field(default_factory=list)
    stem: bool = True  # no trailing "_": the last word is a stem ("ARGENTIN" → "Argentina")
    line: int = 0


@dataclass
class PetrarchAgent:
    forms: list[str]
    code: str  # as written: "~GOV", "NGO~"
    line: int = 0

    @property
    def sector(self) -> str:
        return self.code.replace("~", "").strip()[:3]


def strip_comments(text: str) -> str:
    return _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _line_body(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _petrarch_date(value: str, *, where: str, line: int) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        iso = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    elif re.fullmatch(r"\d{6}", value):  # YYMMDD, TABARI style
        year = int(value[:2])
        iso = f"{1900 + year if year > 30 else 2000 + year}-{value[2:4]}-{value[4:]}"
    else:
        raise KnowledgeError(f"expected a date YYYYMMDD or YYMMDD in a code block, found {value!r}",
                             where=where, record=line)
    try:
        return Date.fromisoformat(iso).isoformat()
    except ValueError:
        raise KnowledgeError(f"expected a calendar date in a code block, found {value!r}", where=where,
                             record=line) from None


def parse_code_block(block: str, *, where: str, line: int) -> DatedCode:
    """``HOB``, ``HOB < 950601``, ``HOBREB > 990816``, ``HOBGOV 19950601 - 19990815``."""
    block = block.strip()
    match = re.fullmatch(r"(\S*)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?", block)
    if not match:
        raise KnowledgeError(f"expected [CODE], [CODE < date], [CODE > date] or [CODE date - date], "
                             f"found [{block}]", where=where, record=line)
    raw, sign, date, start, end = match.groups()
    code = None if not raw or raw in NULL_CODES or not raw.strip("-+#") else raw.split("/")[0]
    if sign == "<":
        return DatedCode(code, end=_petrarch_date(date, where=where, line=line))
    if sign == ">":
        return DatedCode(code, start=_petrarch_date(date, where=where, line=line))
    if start:
        return DatedCode(code, start=_petrarch_date(start, where=where, line=line),
                         end=_petrarch_date(end, where=where, line=line))
    return DatedCode(code)


def _name(raw: str) -> tuple[str, bool]:
    raw = raw.strip()
    stem = not raw.endswith("_") and " " not in raw and "_" not in raw
    return " ".join(raw.replace("_", " ").split()), stem


def _actor_line(body: str, number: int, current: PetrarchActor | None, where: str) -> PetrarchActor | None:
    """Read one non-blank line: the new entry it starts, else None (a synonym or code line of
    ``current``, added to it)."""
    codes = [parse_code_block(b, where=where, line=number) for b in _CODE_BLOCK.findall(body)]
    head = _CODE_BLOCK.sub("", body).strip()
    if "[" in head or "]" in head:
        raise KnowledgeError(f"expected balanced [CODE] brackets, found {body.strip()!r}", where=where, record=number)
    if body[:1].isspace() and not head:  # an indented code line belongs to the entry above
        if current is None:
            raise KnowledgeError("expected an actor name before this code block, found none",
                                 where=where, record=number)
        current.codes.extend(codes)
    elif head.startswith("+"):
        if current is None:
            raise KnowledgeError(f"expected an actor before the synonym {head!r}", where=where, record=number)
        name, _ = _name(head[1:])
        if name:
            current.names.append(name)
    elif head:
        name, stem = _name(head)
        return PetrarchActor(names=[name], codes=codes, stem=stem, line=number)
    return None


def parse_actors(text: str, *, where: str = "actors",
                 problems: list[KnowledgeError] | None = None) -> list[PetrarchActor]:
    """The actors of a dictionary. A malformed line raises, or, given ``problems``, is recorded
    there and skipped (an entry whose first line is bad is skipped with its synonyms)."""
    actors: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    for number, line in enumerate(strip_comments(text).splitlines(), start=1):
        body = _line_body(line)
        if not body.strip():
            continue
        try:
            started = _actor_line(body, number, current, where)
        except KnowledgeError as error:
            if problems is None:
                raise
            problems.append(error)
            if not body[:1].isspace() and not body.lstrip().startswith("+"):
                current = PetrarchActor(names=[], line=number)  # absorbs the bad entry's synonyms, never kept
            continue
        if started is not None:
            current = started
            actors.append(current)
    return [a for a in actors if a.codes]


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def parse_agents(text: str, *, where: str = "agents",
                 problems: list[KnowledgeError] | None = None) -> list[PetrarchAgent]:
    """The agents of a dictionary; a malformed line raises, or is recorded in ``problems`` and skipped."""
    macros: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    for number, line in enumerate(strip_comments(text).splitlines(), start=1):
        body = _line_body(line).strip()
        if not body:
            continue
        macro = _MACRO.match(body)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_BLOCK.findall(body)
        if not codes or not codes[0].strip() or body.count("[") != body.count("]"):
            error = KnowledgeError(f"expected an agent line NAME [~CODE], found {body!r}", where=where, record=number)
            if problems is None:
                raise error
            problems.append(error)
            continue
        head = _CODE_BLOCK.sub("", body)
        plurals = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        names = [head]
        for key, options in macros.items():
            names = [n.replace(key, opt) for n in names for opt in (options if key in n else [key])]
        forms = [" ".join(n.replace("_", " ").split()).lower() for n in names]
        explicit = [p.replace("_", " ").strip().lower() for p in plurals if p.strip()]
        forms += explicit or [_plural(f) for f in forms]
        agents.append(PetrarchAgent(forms=list(dict.fromkeys(forms)), code=codes[0].strip(), line=number))
    return agents


def looks_like_agents(text: str) -> bool:
    """Agent files code with a "~" (``[~GOV]``, ``[NGO~]``); actor files never do."""
    return bool(re.search(r"\[\s*[A-Z]*~|~[A-Z]*\s*\]", strip_comments(text)))


def split_code(code: str) -> tuple[str, str | None]:
    """A CAMEO actor code as (country or group, sector): "ARNGOV" → ("ARN", "GOV")."""
    return code[:3], (code[3:6] or None)


def to_user_records(actors: list[PetrarchActor], agents: list[PetrarchAgent]) -> dict[str, Any]:
    """The YAML shape of a chronique actor file (see userfile.py)."""
    out_actors: list[dict[str, Any]] = []
    for actor in actors:
        record: dict[str, Any] = {"name": actor.names[0], "aliases": actor.names[1:],
                                  "stem": actor.stem}
        undated = [c for c in actor.codes if c.start is None and c.end is None]
        dated = [c for c in actor.codes if c.start is not None or c.end is not None]
        if undated:
            record["code"] = undated[-1].code
        if dated:
            record["terms"] = [{"code": c.code, "start": c.start, "end": c.end} for c in dated]
        out_actors.append(record)
    out_agents = [{"forms": a.forms, "sector": a.sector, "code": a.code} for a in agents]
    return {"actors": out_actors, "agents": out_agents}
