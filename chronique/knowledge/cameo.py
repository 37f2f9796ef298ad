"""The CAMEO↔PLOVER table and the PLOVER ontology (types, quad class, modes, contexts).

Both are data files in ``chronique/knowledge/data`` (``cameo_plover.csv``, ``plover.yaml``): the
table is chronique's own, written from the facts of the official CAMEO2PLOVER-2021 crosswalk.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from chronique.errors import KnowledgeError

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class CameoEntry:
    code: str
    event: str
    mode: str
    context: tuple[str, ...]
    label: str
    source: str


class CameoTable:
    """Lookups between CAMEO codes and PLOVER types; every answer comes from the data files."""

    def __init__(self, entries: dict[str, CameoEntry], ontology: dict[str, Any]) -> None:
        self.entries = entries
        self.events: dict[str, dict[str, Any]] = ontology["events"]
        self.contexts: frozenset[str] = frozenset(ontology.get("contexts", ()))
        self.renamed_2016: dict[str, tuple[str, str]] = {
            k: (v[0], v[1]) for k, v in (ontology.get("renamed_2016") or {}).items()
        }
        self.parallel: dict[str, dict[str, str]] = ontology.get("parallel_codes") or {}

    def lookup(self, code: str | None) -> CameoEntry | None:
        """The entry of ``code``, or of its nearest coded ancestor (a two-digit root reads as x0)."""
        if not code:
            return None
        code = code.strip()
        if len(code) == 2:
            code += "0"
        while code:
            if code in self.entries:
                return self.entries[code]
            code = code[:-1] if len(code) > 3 else ""
        return None

    def quad(self, event: str) -> int | None:
        spec = self.events.get(event)
        return int(spec["quad"]) if spec else None

    def children(self, code: str) -> list[CameoEntry]:
        return [e for c, e in self.entries.items() if len(c) == len(code) + 1 and c.startswith(code)]

    def refine(self, code: str, context: str) -> str:
        """The child of ``code`` whose crosswalk context is ``context`` (072 from 070 + military).

        A three-digit x0 code refines among its siblings (070 → 072); otherwise among its
        four-digit children. Unchanged when no single child matches.
        """
        if len(code) == 3 and code.endswith("0"):
            pool = [e for c, e in self.entries.items() if len(c) == 3 and c[:2] == code[:2] and c != code]
        else:
            pool = self.children(code)
        hits = [e.code for e in pool if context in e.context]
        return hits[0] if len(hits) == 1 else code

    def parallel_code(self, kind: str, code: str) -> str | None:
        """CAMEO's parallel branch of an act: intent/request/reject of 072 → 0332/1032/1222."""
        base = self.parallel.get(kind, {}).get(code[:2])
        if base is None:
            return None
        if len(code) >= 3 and code[2] != "0":
            child = base + code[2]
            if child in self.entries:
                return child
        return base

    def plover(self, code: str) -> tuple[str, str, tuple[str, ...]] | None:
        """(event, mode, context) of a CAMEO code."""
        entry = self.lookup(code)
        return (entry.event, entry.mode, entry.context) if entry else None

    def modernise(self, event: str, mode: str = "") -> tuple[str, str]:
        """A 2016 PLOVER class name (DEMAND, FIGHT…) in today's ontology."""
        if event in self.renamed_2016:
            new, new_mode = self.renamed_2016[event]
            return new, new_mode or mode
        return event, mode


def _data(name: str) -> str:
    return resources.files("chronique.knowledge").joinpath("data", name).read_text(encoding="utf-8")


def parse_cameo_csv(text: str, where: str = "cameo_plover.csv") -> dict[str, CameoEntry]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    entries: dict[str, CameoEntry] = {}
    for i, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=1):
        code, event = (row.get("cameo") or "").strip(), (row.get("event") or "").strip()
        if not code.isdigit() or event not in PLOVER_TYPES:
            raise KnowledgeError(
                f"expected a numeric CAMEO code and a PLOVER type, found {code!r} → {event!r}",
                where=where, record=i,
            )
        context = tuple(c for c in (row.get("context") or "").split(";") if c)
        entries[code] = CameoEntry(code, event, (row.get("mode") or "").strip(), context,
                                   row.get("label") or "", row.get("source") or "")
    return entries


@lru_cache(maxsize=1)
def load_cameo_table() -> CameoTable:
    """The packaged table (read once per process; it is immutable)."""
    ontology = yaml.safe_load(_data("plover.yaml"))
    if not isinstance(ontology, dict) or set(ontology.get("events", {})) != set(PLOVER_TYPES):
        raise KnowledgeError("expected the 16 PLOVER types in plover.yaml", where="plover.yaml")
    return CameoTable(parse_cameo_csv(_data("cameo_plover.csv")), ontology)
