"""The place of an event: ``event_location`` reads the places stage's records on the Doc
(``ch_places``) around a span of the text, for the event coder."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.extensions import get_list
from chronique.annotations.furniture import in_furniture
from chronique.annotations.records import PlaceMention
from chronique.knowledge.gazetteer import COUNTRY


def event_location(doc: Doc, start: int, end: int) -> dict[str, object] | None:
    """The EventLocation dict of the best place for the doc char span [start, end), if any.

    The place inside the span (the event's clause), else in the sentence(s) around it; metonymies
    never count, nor the dateline's place: it is where the story was filed (the article's origin),
    not where each event of it happened. Among several, the most precise resolved one wins
    (city 4 > region 3 > country 2 > larger area 1), then the first.
    """
    furniture = get_list(doc, "ch_furniture")
    places = [p for p in get_list(doc, "ch_places") if p.get("role") == "place"
              and not in_furniture(int(p["start"]), int(p["end"]), furniture)]
    if not places:
        return None
    sentence = _sentence_bounds(doc, start, end)
    for lo, hi in ((start, end), sentence):
        inside = [p for p in places if lo <= int(p["start"]) and int(p["end"]) <= hi]
        if inside:
            return _location(_best(inside))
    return None


def _best(places: list[PlaceMention]) -> PlaceMention:
    return max(places, key=lambda p: (p.get("_resolution") or 0, -int(p["start"])))


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lo, hi = start, end
    if not doc.has_annotation("SENT_START"):
        return lo, hi
    for sent in doc.sents:
        if sent.start_char < end and start < sent.end_char:
            lo, hi = min(lo, sent.start_char), max(hi, sent.end_char)
    return lo, hi


def _location(place: PlaceMention) -> dict[str, object]:
    resolution = place.get("_resolution")
    if resolution is None and place.get("country_code") and place.get("feature_class") == "A":
        resolution = COUNTRY
    return {"extracted_place": place["text"], "resolved_place": place.get("name"),
            "geonameid": place.get("geonameid"), "lat": place.get("lat"), "lon": place.get("lon"),
            "country_code": place.get("country_code"), "resolution": resolution}
