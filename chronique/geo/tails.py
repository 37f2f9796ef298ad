"""The place that closes a longer entity after "of"/"de": "la police de Valence", "la préfecture
de Haute-Savoie", "the Town Hall of Clifton".

The parser tags such phrases whole (as a place, or as a building or organisation), and the whole
is no name the gazetteer knows. The name after the last link word is the place when the words
before the link are common words (a place entity opening in lower case: "police de",
"préfecture de") or a town's office ("Town Hall of", "City Council of"), and the gazetteer knows
that name. A name the gazetteer knows whole ("Gulf of Aden", "Isle of Man") is left whole, and so
is a capitalised name with another head ("Bank of England", "City of London", "Republic of Congo").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

LINKS = frozenset({"of", "de", "du", "d'", "d’"})
_ARTICLES = frozenset({"the", "la", "le", "les", "l'", "l’"})
MAX_TAIL_WORDS = 4


def linked_tail(span: Span, known: Callable[[str], bool], heads: frozenset[str], offices: frozenset[str],
                place_label: bool) -> Span | None:
    """The known place name closing ``span`` after a link word, or None. A head in lower case
    ("police de", "the mayor of") is enough when the parser called the whole a place or the head
    ends with one of ``heads`` (place and office nouns); a capitalised head must be one of
    ``offices`` ("Town Hall of"): "City of London", "Republic of Congo" are names of their own."""
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].lower_ in _ARTICLES:
        start += 1
    link = next((k for k in range(span.end - 2, start, -1) if doc[k].lower_ in LINKS), None)
    if link is None or known(span.text):
        return None
    first = link + 1
    if first < span.end - 1 and doc[first].lower_ in _ARTICLES:
        first += 1  # "la province de l'Équateur", "the governor of the Equateur"
    tail, head = doc[first:span.end], doc[start:link]
    if (len(tail.text.split()) > MAX_TAIL_WORDS or not tail.text[:1].isupper()
            or not (tail[-1].text[:1].isupper() and not tail[-1].is_punct) or not known(tail.text)):
        return None
    if head[0].text[:1].islower():
        return tail if place_label or head[-1].lower_ in heads else None
    return tail if head.text.lower() in offices else None
