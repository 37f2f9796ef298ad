"""Place sanity: a name is a place only on positive evidence.

Evidence is a gazetteer entry that is well known (a country, a region, an area, or a city of
100,000 people or more), a capitalised name the gazetteer knows, or, for a name it does not know,
a locative word before it ("in", "près de"). Common words read as names ("the Earth",
"l'Occident", "the West") and institutions named like villages ("la Maison Blanche") fail it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml
from chronique.knowledge.gazetteer import CITY, GeoEntry
from chronique.knowledge.geo_index import normalise_name

EVIDENCE_FILE = "place_evidence.yaml"
WELL_KNOWN_POPULATION = 100_000
MAX_COORDINATION = 8  # tokens of a coordination of names walked back to find the locative


@dataclass(frozen=True)
class PlaceEvidence:
    locatives: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def load_place_evidence() -> PlaceEvidence:
    data = read_data_yaml(EVIDENCE_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("locatives"), dict):
        raise KnowledgeError("expected a mapping with a 'locatives' mapping of language to words", where=EVIDENCE_FILE)
    return PlaceEvidence({str(k): frozenset(str(w).lower() for w in v or ()) for k, v in data["locatives"].items()})


def _well_known(entry: GeoEntry) -> bool:
    return entry.resolution != CITY or entry.population >= WELL_KNOWN_POPULATION


def _own_article(entry: GeoEntry | None, article: str) -> bool:
    """Whether the place's own name opens with this article ("Le François", "The Hague")."""
    return entry is not None and normalise_name(entry.name).startswith(normalise_name(article.rstrip("'’")))


def has_evidence(span: Span, entry: GeoEntry | None, locatives: frozenset[str]) -> bool:
    """Whether ``span``, resolved to ``entry`` (None: unknown to the gazetteer), is a place."""
    if not span.text[:1].isupper():
        return False
    if entry is not None and _well_known(entry):
        return True
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "DET" and not _own_article(entry, before.text):
        return False
    if entry is not None:
        return True
    return _locative_before(span, locatives)


def _locative_before(span: Span, locatives: frozenset[str]) -> bool:
    """A locative word before the name, across a coordination of names ("in Kessa and Valdora")."""
    i = span.start - 1
    while i >= 0 and span.start - i <= MAX_COORDINATION and (
            span.doc[i].pos_ in ("PROPN", "CCONJ", "DET") or span.doc[i].text == ","):
        if span.doc[i].lower_ in locatives:
            return True
        i -= 1
    return i >= 0 and span.doc[i].lower_ in locatives
