"""Towns written with their state or country after a comma, which the parser missed: "of Coeur
d’Alene, Idaho", "Pullman, Washington apartment", "Lens, France".

The container is strong evidence on its own: a capitalised name (lower-case particles such as
"d’" or "de" inside it) right before a comma and a state, region or country is a place when the
gazetteer holds a town of that own name inside that container (geo.context.inside). No
preposition is needed, and a sentence opener counts ("Pullman, Washington, is…"): a surname
before a state ("Smith, Idaho's senator") is no town of Idaho.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from chronique.geo.context import WRITTEN_REGION_KM, inside
from chronique.knowledge.gazetteer import CITY, COUNTRY, REGION, GeoEntry
from chronique.knowledge.geo_index import normalise_name

MAX_WORDS = 4
# a particle glued to a capitalised word by an apostrophe ("d’Alene", "l'Isle")
_PARTICLE = re.compile(r"^[a-z]{1,2}['’]\w")
_JOINERS = frozenset({"de", "du", "des", "la", "le", "les", "of", "on", "upon", "sur", "en", "d'", "d’", "l'", "l’"})


def _name_word(doc: Doc, i: int) -> bool:
    text = doc[i].text
    return (text[:1].isupper() and any(c.isalpha() for c in text)) or bool(_PARTICLE.match(text))


def _holders(lookup: Callable[[str], list[GeoEntry]], doc: Doc, start: int) -> list[GeoEntry]:
    """The states, regions and countries named by the capitalised words opening at ``start``
    (the longest name first; "Washington" also as "Washington State", as geo.context reads it)."""
    end = start
    while end < len(doc) and end - start < MAX_WORDS and (doc[end].text[:1].isupper() or doc[end].text == "."):
        end += 1
    for stop in range(end, start, -1):
        text = doc[start:stop].text
        found = [e for e in (*lookup(text), *lookup(f"{text} State"))
                 if e.resolution == COUNTRY or (e.resolution == REGION and e.level < 2)]
        if found:
            return found
    return []


def written_town_spans(doc: Doc, lookup: Callable[[str], list[GeoEntry]],
                       taken: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Town names right before ", <their state or country>" that no span of ``taken`` overlaps."""
    out: list[Span] = []
    for comma in (t.i for t in doc if t.text == "," and 0 < t.i < len(doc) - 1):
        holders = _holders(lookup, doc, comma + 1)
        if not holders:
            continue
        for start in range(max(0, comma - MAX_WORDS), comma):
            words = range(start, comma)
            if not doc[start].text[:1].isupper() or not all(
                    _name_word(doc, k) or doc[k].lower_ in _JOINERS for k in words):
                continue
            span = doc[start:comma]
            key = normalise_name(span.text)
            towns = [e for e in lookup(span.text) if e.resolution == CITY and normalise_name(e.name) == key]
            if any(inside(town, h, WRITTEN_REGION_KM) for town in towns for h in holders):
                if not any(s < span.end_char and span.start_char < e for s, e in taken):
                    out.append(span)
                break
    return out
