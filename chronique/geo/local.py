"""Towns of the county the article names: "Broward County deputies … the Parkland shooting".

Local news names its county once and its towns bare, often as a modifier the parser takes for no
place ("the Parkland shooting", "Allendale police"). A capitalised proper noun is such a town when
the gazetteer holds a town of that very name inside a county (a second-level division) the article
names, and the name stands alone: tagged a proper noun by the parser (a capitalised common word
opening a sentence is not), not the head of a longer name ("Parkland High School" is a school),
not a person's name, not inside an organisation's (a one-word ORG is the parser's misreading of
the town).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from chronique.geo.context import inside
from chronique.knowledge.gazetteer import CITY, GeoEntry
from chronique.knowledge.geo_index import normalise_name

MAX_WORDS = 3
_PERSON_ENTS = frozenset({"PERSON", "PER"})


def _name_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (token.is_alpha and token.text[:1].isupper() and not token.is_upper and token.pos_ == "PROPN"
            and token.ent_type_ not in _PERSON_ENTS)


def _whole_entity(span: Span) -> bool:
    """Outside every entity, or the whole of one (the parser calls "Maywood" alone an ORG, but
    "Maywood Police Department" is the organisation)."""
    first, last = span[0], span[-1]
    if first.ent_iob_ == "O" and all(t.ent_iob_ == "O" for t in span):
        return True
    return first.ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in span[1:]) and (
        last.i + 1 >= len(span.doc) or span.doc[last.i + 1].ent_iob_ != "I")


def county_towns(doc: Doc, counties: Sequence[GeoEntry], lookup: Callable[[str], list[GeoEntry]],
                 taken: Sequence[tuple[int, int]]) -> list[Span]:
    """Bare names of towns inside ``counties``, outside the char ranges ``taken``."""
    if not counties:
        return []
    out: list[Span] = []
    i = 0
    while i < len(doc):
        # a sentence's first word is capitalised anyway: the parser's proper-noun tag (in
        # _name_word) is what says "name" there ("Maywood police closed…")
        if not _name_word(doc, i) or (i > 0 and _name_word(doc, i - 1)):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < MAX_WORDS and _name_word(doc, end):
            end += 1
        span = doc[i:end]
        if (not (end < len(doc) and doc[end].text[:1].isupper())  # the whole name, no longer one
                and _whole_entity(span) and not any(s < span.end_char and span.start_char < e for s, e in taken)
                and _town_in(span.text, counties, lookup)):
            out.append(span)
        i = end
    return out


def _town_in(name: str, counties: Sequence[GeoEntry], lookup: Callable[[str], list[GeoEntry]]) -> bool:
    key = normalise_name(name)
    return any(in_county(e, counties) and normalise_name(e.name) == key for e in lookup(name))


def in_county(entry: GeoEntry | None, counties: Sequence[GeoEntry]) -> bool:
    """A town inside one of the article's counties: its county is evidence that it is a place."""
    return entry is not None and entry.resolution == CITY and any(inside(entry, c) for c in counties)
