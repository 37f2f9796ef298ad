"""Sense checks of ambiguous triggers (``data/senses.yaml``): idioms and non-political senses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml

SENSES_FILE = "senses.yaml"
MAX_WINDOW = 8


@dataclass(frozen=True)
class SenseRule:
    trigger: str  # the trigger's first word, a lemma
    near: frozenset[str]  # lemmas or lower-cased forms that select the other sense
    window: int  # tokens on either side of the trigger, within its sentence
    recode: str | None = None  # CAMEO code of the act the phrase means; None: no event
    only_cameo: str | None = None  # apply only to readings coded with this CAMEO code


def _rule(item: Any, where: str) -> SenseRule:
    if not isinstance(item, dict) or not isinstance(item.get("trigger"), str) or not isinstance(
            item.get("near"), list):
        raise KnowledgeError(f"expected a rule with 'trigger' and a 'near' list, found {item!r}", where=where)
    window = item.get("window", 3)
    recode, only = item.get("recode"), item.get("only_cameo")
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= MAX_WINDOW:
        raise KnowledgeError(f"expected 'window' from 1 to {MAX_WINDOW}, found {window!r}", where=where)
    if any(v is not None and not (isinstance(v, str) and v.isdigit()) for v in (recode, only)):
        raise KnowledgeError(f"expected CAMEO codes as quoted digits, found recode={recode!r} only_cameo={only!r}",
                             where=where)
    return SenseRule(item["trigger"].lower(), frozenset(str(w).lower() for w in item["near"]), window, recode, only)


def parse_senses(data: Any, where: str = SENSES_FILE) -> dict[str, tuple[SenseRule, ...]]:
    """Rules per language."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise KnowledgeError("expected a mapping with a 'rules' mapping of language to rule list", where=where)
    out = {}
    for lang, items in data["rules"].items():
        if not isinstance(items, list):
            raise KnowledgeError(f"expected a list of rules for {lang!r}, found {items!r}", where=where)
        out[str(lang)] = tuple(_rule(item, f"{where}: {lang}") for item in items)
    return out


def load_senses() -> dict[str, tuple[SenseRule, ...]]:
    return parse_senses(read_data_yaml(SENSES_FILE))
