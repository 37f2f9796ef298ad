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


def candidates(text: str, grammar: Grammar) -> list[Candidate]:
    """Every span any pattern matches (overlapping), before the longest-match choice."""
    found: list[Candidate] = []
    for rank, pattern in enumerate(grammar.patterns):
        for match in pattern.regex.finditer(text):
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
