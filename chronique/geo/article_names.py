"""French town names that open with a lower-case article: "à la Mecque", "de la Haye", "vers le
Caire", "au port du Havre".

French writes the article of such a name in lower case inside a sentence ("La Mecque" alone), and
the parser tags the capitalised word alone or nothing; "Mecque" alone is no name the gazetteer
knows. The article and the capitalised words after it form the name, kept when the gazetteer knows
that whole name as a region or as a town of TOWN_MIN people (a name of a hamlet is too often a
word).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from chronique.knowledge.gazetteer import CITY, GeoEntry

ARTICLES: dict[str, frozenset[str]] = {"fr": frozenset({"la", "le", "les"})}
TOWN_MIN = 50_000
MAX_NAME_WORDS = 2


def article_spans(doc: Doc, lang: str, lookup: Callable[[str], list[GeoEntry]],
                  taken: Sequence[tuple[int, int]]) -> list[Span]:
    """Lower-case article + capitalised name spans the gazetteer knows whole, outside ``taken``."""
    articles = ARTICLES.get(lang, frozenset())
    out: list[Span] = []
    for token in doc:
        if token.text not in articles or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= MAX_NAME_WORDS and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        for stop in range(end, token.i + 1, -1):
            span = doc[token.i:stop]
            if any(e.resolution != CITY or e.population >= TOWN_MIN for e in lookup(span.text)):
                if not any(s < span.end_char and span.start_char < e for s, e in taken):
                    out.append(span)
                break
    return out
