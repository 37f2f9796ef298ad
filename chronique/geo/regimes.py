"""A place named with "regime" after it ("the Kiev regime", "Tehran regime officials"): the
place standing for its government, which the parser folds into a person's or an organisation's
name ("Kiev regime leader Volodymyr Zelensky") or leaves out.

The name is a place when the gazetteer knows it well (``known``: a country, a region, or a big
town of that own name) and the next word is one of REGIME_WORDS.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

REGIME_WORDS = frozenset({"regime", "régime", "junta", "junte"})
MAX_WORDS = 3


def regime_spans(doc: Doc, known: Callable[[str], bool], taken: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Capitalised names right before a regime word that ``known`` accepts."""
    out: list[Span] = []
    for word in (t for t in doc if t.lower_ in REGIME_WORDS and t.i > 0):
        for start in range(max(0, word.i - MAX_WORDS), word.i):
            span = doc[start:word.i]
            if all(t.is_alpha and t.text[:1].isupper() for t in span) and known(span.text):
                if not any(s < span.end_char and span.start_char < e for s, e in taken):
                    out.append(span)
                break
    return out
