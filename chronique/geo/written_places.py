"""Place names the way news writes them that the parser's entity model misses, read ahead of its
entities: a country's name holding "and" ("Bosnia and Herzegovina": geo.joined_names), a
dateline's town in capitals (geo.datelines), a town before a comma and its state
(geo.written_towns), a place before "regime" (geo.regimes). Each is its own evidence: the spans
found here win over the parser's overlapping ones and need no locative.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from chronique.geo.datelines import dateline_spans
from chronique.geo.joined_names import joined_name_spans
from chronique.geo.regimes import regime_spans
from chronique.geo.written_towns import written_town_spans
from chronique.knowledge.gazetteer import CITY, GeoEntry

# a town standing for its government by any of its names ("Kiev" for Kyiv) is a big one
REGIME_MIN_POPULATION = 100_000


def written_place_spans(doc: Doc, lookup: Callable[[str], list[GeoEntry]], frame_known: Callable[[str], bool],
                        taken: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Datelines, towns with their state and regimes' places, outside ``taken`` and each other."""
    def governs(text: str) -> bool:
        return any(e.resolution != CITY or e.population >= REGIME_MIN_POPULATION for e in lookup(text))

    found: list[Span] = []
    for spans in (joined_name_spans(doc, lookup, taken), dateline_spans(doc, frame_known, taken),
                  written_town_spans(doc, lookup, taken), regime_spans(doc, governs, taken)):
        found += [s for s in spans if not any(s.start_char < f.end_char and f.start_char < s.end_char for f in found)]
    return sorted(found, key=lambda s: s.start_char)
