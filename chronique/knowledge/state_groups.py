"""Groups of states with a fixed membership that news copy names as one party ("the Baltic
states", "les pays baltes"): each name form and its members' ISO 3166-1 alpha-3 codes
(``data/state_groups.csv``)."""

from __future__ import annotations

import re
from functools import cache

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_csv, split_forms

FILE_NAME = "state_groups.csv"


@cache
def state_groups() -> dict[str, tuple[str, ...]]:
    """Each name form, lower-cased, with its members' codes."""
    out: dict[str, tuple[str, ...]] = {}
    for line, row in enumerate(read_data_csv(FILE_NAME), start=2):
        members = tuple(split_forms(row.get("members")))
        if not members or not all(re.fullmatch(r"[A-Z]{3}", m) for m in members) or not row.get("source"):
            raise KnowledgeError(f"expected members as ISO alpha-3 codes and a source, found {row!r}",
                                 where=FILE_NAME, record=str(line))
        out.update({form.lower(): members for form in split_forms(row.get("forms"))})
    return out


@cache
def _pattern() -> re.Pattern[str]:
    forms = sorted(state_groups(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def find_state_groups(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, member codes) of every group of states ``text`` names."""
    return [(m.start(), m.end(), state_groups()[m.group(0).lower()]) for m in _pattern().finditer(text)]
