"""The only bridge from an annotated spaCy Doc to the schema.

Stages write plain dicts with offsets in the Doc's (normalised) text; here every offset is mapped
back to ``Article.text``, surface strings are re-read from the original text, and event ids are
computed from the original offsets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from chronique.ids import event_id
from chronique.nlp.extensions import doc_text, get_list
from chronique.nlp.furniture import find_dateline
from chronique.nlp.text import NormalisedText
from chronique.schema import (
    ActorMention,
    Article,
    Event,
    Extraction,
    Origin,
    Place,
    TimeMention,
    Transfer,
    WeaponMention,
)


def _public(item: Mapping[str, Any]) -> dict[str, Any]:
    """Stages may keep working notes under keys starting with "_"; they never leave the Doc."""
    return {k: (_public(v) if isinstance(v, dict) else v) for k, v in item.items() if not k.startswith("_")}


def _remap(item: Mapping[str, Any], norm: NormalisedText, text_key: str | None = "text") -> dict[str, Any]:
    out = _public(item)
    start, end = norm.to_original(int(item["start"]), int(item["end"]))
    while end > start and norm.original[end - 1].isspace():  # a name that ends a line takes no line break
        end -= 1
    out["start"], out["end"] = start, end
    if text_key:
        out[text_key] = norm.original[start:end]
    return out


def _remap_event(item: Mapping[str, Any], norm: NormalisedText, article: Article) -> dict[str, Any]:
    out = _public(item)
    for role in ("actor", "recipient"):
        party = out.get(role)
        if party and party.get("start") is not None:
            party = _remap(party, norm, text_key="entity_text")
        out[role] = party
    info = dict(out["text_info"])
    info["start"], info["end"] = norm.to_original(int(info["start"]), int(info["end"]))
    out["text_info"] = info
    out["event_text"] = norm.original[info["start"]:info["end"]]
    if not out.get("sources"):
        out["sources"] = [article.id]
    if not out.get("id"):
        out["id"] = event_id(
            article.id, info["start"], info["end"], out["event"],
            (out.get("actor") or {}).get("code"), (out.get("recipient") or {}).get("code"),
            out.get("mode", ""),
        )
    return out


def _span(span: dict[str, Any], norm: NormalisedText, text: str) -> dict[str, Any]:
    """A transfer's evidence sentence in the article's own offsets, with its words."""
    start, end = norm.to_original(int(span["start"]), int(span["end"]))
    return {"start": start, "end": end, "text": text[start:end]}


def article_origin(doc: Doc) -> Origin | None:
    """The article's origin from its dateline, with the place resolved when the places stage did."""
    dateline = find_dateline(doc_text(doc))
    if dateline is None:
        return None
    place = next((p for p in get_list(doc, "ch_places")
                  if dateline.start <= int(p["start"]) and int(p["end"]) <= dateline.end and p.get("name")), None)
    return Origin(place=dateline.place, date=dateline.date, agency=dateline.agency,
                  resolved_place=place.get("name") if place else None,
                  country_code=place.get("country_code") if place else None,
                  geonameid=place.get("geonameid") if place else None)


def doc_to_extraction(doc: Doc, article: Article, norm: NormalisedText) -> Extraction:
    origin = article_origin(doc)
    if origin is not None and article.origin is None:
        article = replace(article, origin=origin)
    events = [_remap_event(e, norm, article) for e in get_list(doc, "ch_events")]
    transfers = []
    for record in get_list(doc, "ch_transfers"):
        t = _public(record)
        index = t.pop("event_index", None)
        if index is not None and not t.get("event_id"):
            t["event_id"] = events[int(index)]["id"]
        if t.get("evidence"):
            ev = t["evidence"]
            start, end = norm.to_original(int(ev["start"]), int(ev["end"]))
            t["evidence"] = {"start": start, "end": end}
        t["evidence_spans"] = [_span(s, norm, article.text) for s in t.get("evidence_spans") or ()]
        transfers.append(t)
    return Extraction(
        article=article,
        actors=tuple(ActorMention.from_dict(_remap(a, norm)) for a in get_list(doc, "ch_actors")),
        places=tuple(Place.from_dict(_remap(p, norm)) for p in get_list(doc, "ch_places")),
        times=tuple(TimeMention.from_dict(_remap(t, norm)) for t in get_list(doc, "ch_times")),
        weapons=tuple(WeaponMention.from_dict(_remap(w, norm)) for w in get_list(doc, "ch_weapons")),
        events=tuple(Event.from_dict(e) for e in events),
        transfers=tuple(Transfer.from_dict(t) for t in transfers),
    )
