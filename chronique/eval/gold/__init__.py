"""Readers of gold-standard formats: each turns a file of ../shared/eval into GoldDocuments.

A GoldDocument carries a reconstructed text and the gold spans as character offsets into it, so
that every scorer compares spans the same way whatever the original format was.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int  # exclusive
    label: str  # the gold class, e.g. "PER", "loc"
    text: str = ""
    attrs: dict[str, str] = field(default_factory=dict, compare=False)  # e.g. {"meto": "org", "wikidata": "Q1726"}


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    language: str | None = None
    date: str | None = None  # YYYY-MM-DD when the source gives one
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    def labels(self) -> set[str]:
        return {s.label for s in self.spans}


class TextBuilder:
    """Joins tokens into a text while recording each token's character offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def add(self, token: str, space_before: bool) -> tuple[int, int]:
        if space_before and self._length and not self._parts[-1].endswith("\n"):
            self._parts.append(" ")
            self._length += 1
        start = self._length
        self._parts.append(token)
        self._length += len(token)
        return start, self._length

    def newline(self) -> None:
        if self._length:
            self._parts.append("\n")
            self._length += 1

    def __len__(self) -> int:
        return self._length

    def text(self) -> str:
        return "".join(self._parts)


__all__ = ["GoldDocument", "GoldSpan", "TextBuilder"]
