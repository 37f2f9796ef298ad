"""Flat CSV: one row per record, nested fields spread over named columns, lists joined by ";".

Transfers use columns close to SIPRI's trade register (supplier, recipient, designation,
description, number, status, year) followed by chronique's own (date, evidence offsets…).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import IO, Any

from chronique.schema import Article, Event, EventActor, Record, Transfer

LIST_SEPARATOR = ";"

EVENT_COLUMNS: tuple[str, ...] = (
    "id", "date", "date_precision", "event", "mode", "context", "quad_code", "cameo",
    "actor_code", "actor_sector", "actor_text", "actor_wikidata", "actor_start", "actor_end",
    "recipient_code", "recipient_sector", "recipient_text", "recipient_wikidata", "recipient_start",
    "recipient_end", "place", "resolved_place", "geonameid", "lat", "lon", "country_code", "resolution",
    "modality", "speaker", "confidence", "coder", "sources", "sentence", "text_start", "text_end",
)
TRANSFER_COLUMNS: tuple[str, ...] = (
    "supplier", "recipient", "designation", "description", "number", "status", "year",
    "date", "weapon_text", "event_id", "evidence_start", "evidence_end",
)
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "title", "url", "source", "language", "published", "published_inferred", "text",
)


def _actor(prefix: str, actor: EventActor | None) -> dict[str, Any]:
    a = actor or EventActor(code=None)
    return {f"{prefix}_code": a.code, f"{prefix}_sector": a.sector, f"{prefix}_text": a.entity_text,
            f"{prefix}_wikidata": a.identifier_id, f"{prefix}_start": a.start, f"{prefix}_end": a.end}


def event_row(event: Event) -> dict[str, Any]:
    loc = event.event_loc
    return {
        "id": event.id, "date": event.date, "date_precision": event.date_precision, "event": event.event,
        "mode": event.mode, "context": LIST_SEPARATOR.join(event.context), "quad_code": event.quad_code,
        "cameo": event.cameo, **_actor("actor", event.actor), **_actor("recipient", event.recipient),
        "place": loc and loc.extracted_place, "resolved_place": loc and loc.resolved_place,
        "geonameid": loc and loc.geonameid, "lat": loc and loc.lat, "lon": loc and loc.lon,
        "country_code": loc and loc.country_code, "resolution": loc and loc.resolution,
        "modality": event.modality, "speaker": event.speaker, "confidence": event.confidence,
        "coder": event.coder, "sources": LIST_SEPARATOR.join(event.sources), "sentence": event.event_text,
        "text_start": event.text_info.start, "text_end": event.text_info.end,
    }


def transfer_row(transfer: Transfer) -> dict[str, Any]:
    evidence = transfer.evidence
    return {
        "supplier": transfer.supplier, "recipient": transfer.recipient, "designation": transfer.weapon,
        "description": transfer.category, "number": transfer.quantity, "status": transfer.status,
        "year": transfer.date[:4] if transfer.date else None, "date": transfer.date,
        "weapon_text": transfer.weapon_text, "event_id": transfer.event_id,
        "evidence_start": evidence and evidence.start, "evidence_end": evidence and evidence.end,
    }


def article_row(article: Article) -> dict[str, Any]:
    return article.to_dict()


LAYOUTS: dict[str, tuple[tuple[str, ...], Callable[[Any], dict[str, Any]]]] = {
    "events": (EVENT_COLUMNS, event_row),
    "transfers": (TRANSFER_COLUMNS, transfer_row),
    "articles": (ARTICLE_COLUMNS, article_row),
}


def write_csv(records: Iterable[Record], handle: IO[str], what: str) -> int:
    columns, to_row = LAYOUTS[what]
    writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(to_row(record))
        count += 1
    return count
