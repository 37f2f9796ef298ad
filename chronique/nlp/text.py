"""Text normalisation before parsing, with an offset map back to the original text.

Typographic apostrophes and exotic spaces confuse the tokenizers and lexicons ("qu’elle" is not
split like "qu'elle"), so the parser sees a normalised copy. Every offset chronique reports must
still point into ``Article.text``: ``NormalisedText.to_original`` maps spans back.
"""

from __future__ import annotations

from dataclasses import dataclass

# One source character → its replacement (possibly longer or empty).
REPLACEMENTS: dict[str, str] = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200b": "",
    "\u2010": "-", "\u2011": "-", "\ufeff": "",
}


@dataclass(frozen=True)
class NormalisedText:
    original: str
    text: str
    # _map[i] = index in ``original`` of the character that produced text[i]; one extra entry for
    # the end position.
    _map: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if start >= end:
            pos = self._map[start]
            return pos, pos
        return self._map[start], self._map[end - 1] + 1

    @property
    def is_identity(self) -> bool:
        return self.text == self.original


def normalise(original: str) -> NormalisedText:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(original):
        rep = REPLACEMENTS.get(ch, ch)
        out.append(rep)
        index.extend([i] * len(rep))
    index.append(len(original))
    return NormalisedText(original=original, text="".join(out), _map=tuple(index))
