"""Casualty counts stated in an event's sentence, for the PLOVER record's ``size`` object.

The pattern is a cardinal (digits or words, ``arms.numbers``) followed within a few words by a
word of killing, wounding or arrest ("12 soldiers were killed", "trois civils ont été tués",
"faisant deux morts et cinq blessés"), or such a word followed by a cardinal ("killing 14 people",
"dead: 3"). "at least" and similar hedges between them are allowed. The first count of each kind wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronique.arms.numbers import parse_cardinal
from chronique.knowledge.casualty_words import casualty_words
from chronique.knowledge.number_words import number_words

_KIND_OF = {word: kind for kind, words in casualty_words().kinds().items() for word in words}
_NUMBERS = number_words()
_NUMBER_WORDS = sorted((*_NUMBERS.units, *_NUMBERS.hundreds, *_NUMBERS.scales), key=len, reverse=True)
_FILLER = "(?:" + "|".join(map(re.escape, sorted(_NUMBERS.fillers))) + ")"
_WORD = "(?:" + "|".join(map(re.escape, _NUMBER_WORDS)) + ")"
# digits ("1 200", "14") or number words, joined by spaces, hyphens or "et"/"and" ("vingt et un")
_NUMBER = (rf"(?:\d{{1,3}}(?:[\s\u202f\u00a0.,]\d{{3}})+|\d+|{_WORD}(?:[\s\-]+(?:{_FILLER}[\s\-]+)?{_WORD})*)")
_CASUALTY = "|".join(map(re.escape, sorted(_KIND_OF, key=len, reverse=True)))
# A cardinal, up to three other words, then the casualty word; or the casualty word, an optional
# hedge ("at least", "au moins") and the cardinal.
_YEAR = re.compile(r"(?:19|20)\d\d")  # "in 2022 the army killed…": a year, not a count
_AFTER = re.compile(rf"(?<!\bno )\b(?P<n>{_NUMBER})\b\s*(?:\w[\w'’-]*\s+){{0,3}}?(?P<w>{_CASUALTY})\b", re.IGNORECASE)
_HEDGE = "(?:" + "|".join(re.escape(h) + " " for h in sorted(casualty_words().hedges)) + ")?"
_BEFORE = re.compile(rf"\b(?P<w>{_CASUALTY})\s*:?\s+{_HEDGE}(?P<n>{_NUMBER})", re.IGNORECASE)


@dataclass(frozen=True)
class Casualties:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None

    def to_dict(self) -> dict[str, int]:
        return {k: v for k, v in (("dead", self.dead), ("injured", self.injured), ("arrested", self.arrested))
                if v is not None}


def casualties(text: str) -> Casualties | None:
    """The counts of dead, injured and arrested the sentence states; None when it states none."""
    found: dict[str, tuple[int, int]] = {}  # kind -> (position, count)
    bound: set[int] = set()  # numbers right after a casualty word belong to it ("killed six … injured two")
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            number = m["n"].strip(" -")
            count = parse_cardinal(number)
            kind = _KIND_OF.get(m["w"].lower())
            if count is None or kind is None or count == 0 or _YEAR.fullmatch(number) or m.start("n") in bound:
                continue
            bound.add(m.start("n"))
            if kind not in found or m.start("n") < found[kind][0]:
                found[kind] = (m.start("n"), count)
    if not found:
        return None
    return Casualties(**{kind: count for kind, (_, count) in found.items()})
