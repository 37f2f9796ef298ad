"""The place of an event: ``event_location`` reads the places stage's records on the Doc
(``ch_places``) around a span of the text, for the event coder."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from chronique.annotations.extensions import doc_text, get_list
from chronique.knowledge.gazetteer import COUNTRY

# A dateline: a place opening the text, followed by a comma, a bracket or a dash
_DATELINE_END = re.compile(r"^\s*(?:,|\(|—|–|-)")
DATELINE_WINDOW = 80


def event_location(doc: Doc, start: int, end: int) -> dict[str, object] | None:
    """The EventLocation dict of the best place for the doc char span [start, end), if any.

    The place inside the span (the event's clause), else in the sentence(s) around it, else the
    dateline; metonymies never count. Among several, the most precise resolved one wins
    (city 4 > region 3 > country 2 > larger area 1), then the first.
    """
    places = [p for p in get_list(doc, "ch_places") if p.get("role") == "place"]
    if not places:
        return None
    sentence = _sentence_bounds(doc, start, end)
    for lo, hi in ((start, end), sentence):
        inside = [p for p in places if lo <= int(p["start"]) and int(p["end"]) <= hi]
        if inside:
            return _location(_best(inside))
    dateline = [p for p in places if int(p["start"]) < DATELINE_WINDOW
                and _DATELINE_END.match(doc_text(doc)[int(p["end"]):int(p["end"]) + 3]) and _opens_text(doc, p)]
    return _location(dateline[0]) if dateline else None


def _best(places: list[dict[str, Any]]) -> dict[str, Any]:
    return max(places, key=lambda p: (p.get("_resolution") or 0, -int(p["start"])))


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lo, hi = start, end
    if not doc.has_annotation("SENT_START"):
        return lo, hi
    for sent in doc.sents:
        if sent.start_char < end and start < sent.end_char:
            lo, hi = min(lo, sent.start_char), max(hi, sent.end_char)
    return lo, hi


def _opens_text(doc: Doc, place: dict[str, Any]) -> bool:
    """The dateline place is the first word(s) of the text (after an optional bracketed tag)."""
    before = doc_text(doc)[:int(place["start"])].strip()
    return before == "" or before.isupper()


def _location(place: dict[str, Any]) -> dict[str, object]:
    resolution = place.get("_resolution")
    if resolution is None and place.get("country_code") and place.get("feature_class") == "A":
        resolution = COUNTRY
    return {"extracted_place": place["text"], "resolved_place": place.get("name"),
            "geonameid": place.get("geonameid"), "lat": place.get("lat"), "lon": place.get("lon"),
            "country_code": place.get("country_code"), "resolution": resolution}
