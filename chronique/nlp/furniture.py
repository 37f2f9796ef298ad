"""Page furniture in a cleaned text: which spans are not the story's own sentences.

HTML extraction keeps bylines ("By Jane Doe"), credits ("… contributed to this report"),
captions and photo credits, "Read more" links, newsletter prompts, and the dateline that opens
wire copy ("LA CROSSE, Wis. (AP) —"). None of it may become an event or an actor; the dateline's
place and date are the article's origin, kept apart (``Dateline``), not an event's location.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronique.annotations.furniture import in_furniture
from chronique.knowledge.furniture import FurniturePatterns, load_furniture

__all__ = ["Furniture", "find_furniture", "in_furniture"]


@dataclass(frozen=True)
class Furniture:
    start: int
    end: int
    kind: str  # one of chronique.knowledge.furniture.KINDS, or "dateline"


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # the whole dateline, dash included
    place: str  # as written ("LA CROSSE, Wis.")
    date: str | None = None  # as written ("5 mars"), when the dateline gives one
    agency: str | None = None  # "AP", "Reuters"…


@lru_cache(maxsize=1)
def default_patterns() -> FurniturePatterns:
    # loaded on first use, once per process; the patterns are immutable
    return load_furniture()


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def line_kind(line: str, patterns: FurniturePatterns) -> str | None:
    """The furniture kind of one whole line, or None for a line of the story."""
    stripped = line.strip().lstrip("-–—•·*|> ").strip()
    if not stripped:
        return None
    words = len(stripped.split())
    for kind, pattern in patterns.lines:
        if words <= patterns.max_words.get(kind, 40) and pattern.match(stripped):
            return kind
    return None


def find_dateline(text: str, patterns: FurniturePatterns | None = None) -> Dateline | None:
    """The wire dateline that opens one of the first lines, if any; the rest of its line must be
    a sentence (a headline "UK: prices rise" is no dateline)."""
    patterns = patterns or default_patterns()
    for start, line in [(s, ln) for s, ln in _lines(text) if ln.strip()][: patterns.dateline_lines]:
        lead = len(line) - len(line.lstrip())
        found = patterns.dateline.match(line, lead)
        if found is None:
            continue
        place = found.group("place").strip(" .-")
        rest = line[found.end():]
        letters = sum(c.isalpha() for c in place)
        if (letters >= 4 or found.group("agency")) and len(rest.split()) >= 6:
            region = found.group("region")
            return Dateline(start + lead, start + found.end(), place + (f", {region}" if region else ""),
                            found.group("date"), found.group("agency"))
    return None


def find_furniture(text: str, patterns: FurniturePatterns | None = None) -> list[Furniture]:
    """Furniture spans of ``text`` in order: whole lines, and the dateline opening the story."""
    patterns = patterns or default_patterns()
    out = []
    for start, line in _lines(text):
        kind = line_kind(line, patterns)
        if kind is not None:
            out.append(Furniture(start, start + len(line), kind))
    dateline = find_dateline(text, patterns)
    if dateline is not None:
        out.append(Furniture(dateline.start, dateline.end, "dateline"))
    return sorted(out, key=lambda f: f.start)
