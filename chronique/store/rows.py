"""Schema records ⇄ table rows: the one place that knows both shapes."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from chronique.ids import stable_hash
from chronique.report import Failure
from chronique.schema import Article, Event, Evidence, EvidenceSpan, Extraction, Transfer

MENTION_LISTS = ("actors", "places", "times", "weapons")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def article_row(extraction: Extraction) -> dict[str, Any]:
    row = extraction.article.to_dict()
    mentions: dict[str, Any] = {name: [m.to_dict() for m in getattr(extraction, name)] for name in MENTION_LISTS}
    origin = row.pop("origin", None)
    if origin is not None:
        mentions["origin"] = origin
    row["mentions"] = _json(mentions)
    return row


def article_from_row(row: Any) -> Article:
    return Article(id=row.id, text=row.text, title=row.title, url=row.url, source=row.source,
                   language=row.language, published=row.published,
                   published_inferred=bool(row.published_inferred))


def extraction_from_rows(article: Any, events: list[Event], transfers: list[Transfer]) -> Extraction:
    data = json.loads(article.mentions)
    record = article_from_row(article).to_dict()
    origin = data.pop("origin", None)
    if origin is not None:
        record = {**{k: v for k, v in record.items() if k != "text"}, "origin": origin, "text": record["text"]}
    base = Extraction.from_dict({"article": record, **data})
    return replace(base, events=tuple(events), transfers=tuple(transfers))


def event_row(event: Event, article_id: str) -> dict[str, Any]:
    record = event.to_dict()
    record.pop("sources")  # kept in event_sources, where merges add to them
    loc = event.event_loc
    return {
        "id": event.id, "article_id": article_id, "date": event.date, "event": event.event, "mode": event.mode,
        "cameo": event.cameo,
        "actor_code": event.actor.code if event.actor else None,
        "actor_sector": event.actor.sector if event.actor else None,
        "recipient_code": event.recipient.code if event.recipient else None,
        "recipient_sector": event.recipient.sector if event.recipient else None,
        "country": loc.country_code if loc else None,
        "place": (loc.resolved_place or loc.extracted_place) if loc else None,
        "modality": event.modality, "confidence": event.confidence, "record": _json(record),
    }


def event_from_row(record: str, sources: list[str]) -> Event:
    data = json.loads(record)
    data["sources"] = sources
    return Event.from_dict(data)


def transfer_row(transfer: Transfer, article_id: str, seq: int) -> dict[str, Any]:
    row = transfer.to_dict()
    evidence = row.pop("evidence")
    spans = [s.to_dict() for s in transfer.evidence_spans]
    row.update(article_id=article_id, seq=seq,
               evidence_start=evidence["start"] if evidence else None,
               evidence_end=evidence["end"] if evidence else None,
               evidence_spans=json.dumps(spans) if spans else None)
    return row


def transfer_from_row(row: Any) -> Transfer:
    """A stored transfer (rows written before migration 0006 have no evidence spans)."""
    m = dict(row._mapping)
    start, end = m.pop("evidence_start"), m.pop("evidence_end")
    stored = m.pop("evidence_spans", None)
    m.pop("article_id")
    m.pop("seq")
    evidence = Evidence(start=start, end=end) if start is not None and end is not None else None
    spans = tuple(EvidenceSpan.from_dict(s) for s in json.loads(stored or "[]"))
    return Transfer(**m, evidence=evidence, evidence_spans=spans)


def failure_row(failure: Failure) -> dict[str, Any]:
    return {"key": stable_hash(failure.source, failure.record, failure.code, failure.message, length=64),
            **failure.to_dict()}


def failure_from_row(row: Any) -> Failure:
    return Failure(source=row.source, record=row.record, code=row.code, message=row.message, at=row.at)
