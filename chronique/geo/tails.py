"""The place that closes a longer entity after "of"/"de": "la police de Valence", "la préfecture
de Haute-Savoie", "the Town Hall of Clifton".

The parser tags such phrases whole (as a place, or as a building or organisation), and the whole
is no name the gazetteer knows. The name after the last link word is the place when the words
before the link are common words (a place entity opening in lower case: "police de",
"préfecture de") or a town's office or a place noun ("Town Hall of", "City Council of"), and the
gazetteer knows that name. A name the gazetteer knows whole ("Gulf of Aden", "Isle of Man",
"Bay of Bengal") is left whole, and so is an organisation with another head ("Bank of England").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

LINKS = frozenset({"of", "de", "du", "d'", "d’"})
_ARTICLES = frozenset({"the", "la", "le", "les", "l'", "l’"})
MAX_TAIL_WORDS = 4


def linked_tail(span: Span, known: Callable[[str], bool], heads: frozenset[str], place_label: bool) -> Span | None:
    """The known place name closing ``span`` after a link word, or None. ``heads``: lower-case
    office and place nouns ("town hall", "council"); ``place_label``: the parser called the
    whole a place, so a lower-case head is enough."""
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].lower_ in _ARTICLES:
        start += 1
    link = next((k for k in range(span.end - 2, start, -1) if doc[k].lower_ in LINKS), None)
    if link is None or known(span.text):
        return None
    tail, head = doc[link + 1:span.end], doc[start:link]
    if (len(tail.text.split()) > MAX_TAIL_WORDS or not tail.text[:1].isupper()
            or not (tail[-1].text[:1].isupper() and not tail[-1].is_punct) or not known(tail.text)):
        return None
    common = place_label and head[0].text[:1].islower()
    return tail if common or head.text.lower() in heads or head[-1].lower_ in heads else None
