"""Seas, oceans, gulfs, lakes and mountains written with a lower-case kind word: "la mer Noire",
"l'océan Indien", "le golfe d'Aden", "le détroit d'Ormuz", "les monts Nuba".

French writes the kind word of a natural feature in lower case and the name after it; the
parser's entity model tags the name alone or nothing, and the name alone ("Noire", "Indien") is
no place. The kind word, an optional link ("de", "du", "d'") and the capitalised words after it
form the name, kept when the gazetteer knows that whole name as a natural feature (water,
mountain or land area: GeoNames classes H, T, L).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from chronique.knowledge.gazetteer import CITY, GeoEntry

# the kind words of natural features, by language (English capitalises them: "the Black Sea")
FEATURE_HEADS: dict[str, frozenset[str]] = {
    "fr": frozenset({"mer", "océan", "golfe", "détroit", "lac", "fleuve", "rivière", "mont", "monts", "massif",
                     "canal", "baie", "désert", "île", "îles", "chaîne", "cordillère", "plateau", "delta"}),
}
LINKS = frozenset({"de", "du", "des", "d'", "d’"})
FEATURE_CLASSES = frozenset({"H", "T", "L"})
MAX_NAME_WORDS = 3


def feature_spans(doc: Doc, lang: str, lookup: Callable[[str], list[GeoEntry]],
                  taken: Sequence[tuple[int, int]]) -> list[Span]:
    """Lower-case kind word + name spans the gazetteer knows as natural features, outside ``taken``."""
    heads = FEATURE_HEADS.get(lang, frozenset())
    out: list[Span] = []
    for token in doc:
        if token.text not in heads:  # lower case only: "Mer" opening a name is the parser's business
            continue
        start = token.i + 1
        if start < len(doc) and doc[start].lower_ in LINKS:
            start += 1
        end = start
        while end < len(doc) and end - start < MAX_NAME_WORDS and _name_word(doc, end):
            end += 1
        span = _longest_feature(doc, token.i, start, end, lookup)
        if span is not None and not any(s < span.end_char and span.start_char < e for s, e in taken):
            out.append(span)
    return out


def _name_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.is_alpha and token.text[:1].isupper()


def _longest_feature(doc: Doc, head: int, start: int, end: int,
                     lookup: Callable[[str], list[GeoEntry]]) -> Span | None:
    for stop in range(end, start, -1):
        span = doc[head:stop]
        if any(e.feature_class in FEATURE_CLASSES and e.resolution != CITY for e in lookup(span.text)):
            return span
    return None
