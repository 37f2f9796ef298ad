"""Page-furniture patterns (``data/furniture.yaml``): bylines, credits, captions, links, datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml

FURNITURE_FILE = "furniture.yaml"
KINDS = ("credit", "byline", "caption", "link", "boilerplate")


@dataclass(frozen=True)
class FurniturePatterns:
    lines: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern matched at a line's start)
    max_words: dict[str, int]
    dateline: re.Pattern[str]
    dateline_lines: int  # a dateline may open only one of the first lines
    outlets: frozenset[str] = frozenset()  # news agencies and outlets, lower-cased


def _compile(pattern: Any, where: str, flags: int) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise KnowledgeError(f"expected a regular expression string, found {pattern!r}", where=where)
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise KnowledgeError(f"expected a valid regular expression, found {pattern!r} ({exc})", where=where) from exc


def parse_furniture(data: Any, where: str = FURNITURE_FILE) -> FurniturePatterns:
    if not isinstance(data, dict) or not isinstance(data.get("lines"), dict) or not isinstance(
            data.get("dateline"), dict):
        raise KnowledgeError("expected a mapping with 'lines' and 'dateline' mappings", where=where)
    unknown = set(data["lines"]) - set(KINDS)
    if unknown:
        raise KnowledgeError(f"expected line kinds among {KINDS}, found {sorted(unknown)}", where=where)
    lines = tuple((kind, _compile(p, f"{where}: lines.{kind}", re.IGNORECASE))
                  for kind, patterns in data["lines"].items() for p in patterns or ())
    max_words = {str(k): int(v) for k, v in (data.get("max_words") or {}).items()}
    dateline = data["dateline"]
    # a dateline's place is written in capitals: that pattern is case-sensitive
    outlets = frozenset(str(o).lower() for o in data.get("outlets") or ())
    return FurniturePatterns(lines, max_words, _compile(dateline.get("pattern"), f"{where}: dateline", 0),
                             int(dateline.get("max_line", 3)), outlets)


def load_furniture() -> FurniturePatterns:
    return parse_furniture(read_data_yaml(FURNITURE_FILE))
