"""Names of countries and regions that hold "and" or "et": "Bosnia and Herzegovina", "Trinidad
and Tobago", "Saint-Kitts-et-Nevis". The parser's entity model cuts them at the joiner ("Bosnia
and" | "Herzegovina"), and a list rule would then read two members. The whole name is taken when
the gazetteer knows it as a country or a region (never a town: "Lewis and Clark" is no place).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from chronique.knowledge.gazetteer import CITY, GeoEntry

JOINERS = frozenset({"and", "et", "&"})
MAX_SIDE_WORDS = 2


def joined_name_spans(doc: Doc, lookup: Callable[[str], list[GeoEntry]],
                      taken: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Capitalised words, a joiner and capitalised words that the gazetteer knows whole as a land."""
    out: list[Span] = []
    # every name tried holds the words right before and after the joiner: both capitalised, or none
    for joiner in (t for t in doc if t.lower_ in JOINERS and 0 < t.i < len(doc) - 1
                   and doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].text[:1].isupper()):
        best = None
        for start in range(max(0, joiner.i - MAX_SIDE_WORDS), joiner.i):
            for end in range(min(len(doc), joiner.i + 1 + MAX_SIDE_WORDS), joiner.i + 1, -1):
                span = doc[start:end]
                if all(t.text[:1].isupper() for t in (*doc[start:joiner.i], *doc[joiner.i + 1:end])) and any(
                        e.resolution != CITY for e in lookup(span.text)):
                    best = span
                    break
            if best is not None:
                break
        if best is not None and not any(s < best.end_char and best.start_char < e for s, e in taken):
            out.append(best)
    return out
