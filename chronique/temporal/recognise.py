"""Find temporal expressions in a plain string with the grammar's patterns.

Every pattern proposes spans; the longest span wins an overlap (then the pattern listed first).
Numbers glued to a letter or a hyphen ("Su-25", "A320") never start a match: the pattern's
boundaries exclude them, which is why chronique does not use dateparser's ``search_dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronique.temporal.grammar import Grammar, fold


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, str]  # vocabulary class → the matched words
    priority: int  # the pattern's rank in the grammar (lower wins a tie)

    @property
    def text_length(self) -> int:
        return self.end - self.start


def _capitalisation_ok(match: re.Match[str], grammar: Grammar) -> bool:
    """"May" the month is written with a capital; "may" the modal is not a date."""
    for name, value in match.groupdict().items():
        if value is None or name not in grammar.vocab:
            continue
        if fold(value) in grammar.capitalised_only and not value[:1].isupper():
            return False
    return True


# An expression reaches at most this far on either side of its trigger word (the longest forms
# of the grammars, "the beginning of the third quarter of fiscal", stay under it).
WINDOW_MARGIN = 40


def windows(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    """The stretches of ``text`` around trigger words, merged, cut at whitespace: the patterns are
    only scanned there (news copy is mostly free of dates; scanning 45 patterns everywhere is what
    made this stage slow)."""
    if grammar.trigger is None:
        return [(0, len(text))]
    return around(text, grammar.trigger)


def around(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """The merged stretches of ``text`` within ``WINDOW_MARGIN`` of a match of ``trigger``."""
    spans: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        start = max(0, m.start() - WINDOW_MARGIN)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), m.end() + WINDOW_MARGIN)
        while end < len(text) and not text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def candidates(text: str, grammar: Grammar) -> list[Candidate]:
    """Every span any pattern matches (overlapping), before the longest-match choice."""
    found: list[Candidate] = []
    spans = windows(text, grammar)
    anchored: dict[int, list[tuple[int, int]]] = {}  # id(anchor) → the stretches around its words
    for rank, pattern in enumerate(grammar.patterns):
        where = spans
        if pattern.anchor is not None and grammar.trigger is not None:
            if id(pattern.anchor) not in anchored:
                anchored[id(pattern.anchor)] = around(text, pattern.anchor)
            where = anchored[id(pattern.anchor)]
        for match in (m for start, end in where for m in pattern.regex.finditer(text, start, end)):
            if match.end() == match.start() or not _capitalisation_ok(match, grammar):
                continue
            if fold(match.group(0)) in grammar.never_alone:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(Candidate(match.start(), match.end(), pattern.kind, groups, rank))
    return found


def choose(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans, longest first, in text order."""
    kept: list[Candidate] = []
    taken = bytearray(max((c.end for c in found), default=0))  # 1 where a kept span lies
    for cand in sorted(found, key=lambda c: (-c.text_length, c.priority, c.start)):
        if any(taken[cand.start:cand.end]):
            continue
        kept.append(cand)
        taken[cand.start:cand.end] = b"\x01" * cand.text_length
    return sorted(kept, key=lambda c: c.start)


def recognise(text: str, grammar: Grammar) -> list[Candidate]:
    """The temporal expressions of ``text`` as non-overlapping candidates, in text order."""
    return choose(candidates(text, grammar))
