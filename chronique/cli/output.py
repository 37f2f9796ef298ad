"""Writing Extractions as JSON, JSONL, CSV (one row per event) or Rich tables."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from chronique.schema import Extraction

EVENT_COLUMNS = ["article_id", "event_id", "date", "event", "mode", "cameo", "actor", "actor_sector",
                 "recipient", "recipient_sector", "modality", "place", "lat", "lon", "confidence", "event_text"]


def write_extractions(extractions: Iterable[Extraction], fmt: str, out: TextIO) -> int:
    """Write in ``fmt`` as the extractions arrive; returns how many were written."""
    if fmt not in ("json", "jsonl", "csv", "table"):
        raise ValueError(f"unknown output format {fmt!r}")
    writer = csv.writer(out)
    console = Console(file=out, width=160)
    count = 0
    if fmt == "json":
        out.write("[")
    elif fmt == "csv":
        writer.writerow(EVENT_COLUMNS)
    for extraction in extractions:
        count += 1
        if fmt == "json":
            text = json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2)
            out.write(("," if count > 1 else "") + "\n" + text)
        elif fmt == "jsonl":
            out.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer.writerows(event_rows(extraction))
        else:
            render_table(extraction, console)
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def event_rows(extraction: Extraction) -> list[list[object]]:
    rows: list[list[object]] = []
    for e in extraction.events:
        loc = e.event_loc
        rows.append([
            extraction.article.id, e.id, e.date, e.event, e.mode, e.cameo,
            e.actor.code if e.actor else None, e.actor.sector if e.actor else None,
            e.recipient.code if e.recipient else None, e.recipient.sector if e.recipient else None,
            e.modality, loc.resolved_place if loc else None, loc.lat if loc else None, loc.lon if loc else None,
            e.confidence, e.event_text,
        ])
    return rows


def render_table(extraction: Extraction, console: Console) -> None:
    a = extraction.article
    console.rule(f"{a.title or a.source or a.id[:12]} · {a.language} · published {a.published}"
                 f"{' (inferred)' if a.published_inferred else ''}")
    actors = Table("mention", "name", "code", "sector", "kind", "score", title="Actors")
    for m in extraction.actors:
        actors.add_row(m.text, m.name, m.code or "", m.sector or "", m.kind, f"{m.score:.2f}")
    console.print(actors)
    if extraction.places:
        places = Table("mention", "place", "country", "lat", "lon", "role", title="Places")
        for p in extraction.places:
            places.add_row(p.text, p.name or "", p.country_code or "", str(p.lat), str(p.lon), p.role)
        console.print(places)
    if extraction.times:
        times = Table("expression", "value", "type", title="Dates")
        for t in extraction.times:
            times.add_row(t.text, t.value or "", t.type)
        console.print(times)
    if extraction.events:
        events = Table("date", "actor", "event", "recipient", "cameo", "modality", "text", title="Events")
        for e in extraction.events:
            events.add_row(e.date or "", e.actor.code if e.actor and e.actor.code else "", e.event,
                           e.recipient.code if e.recipient and e.recipient.code else "", e.cameo or "",
                           e.modality, e.event_text[:70])
        console.print(events)
    if extraction.transfers:
        transfers = Table("supplier", "recipient", "weapon", "category", "status", "date", title="Arms transfers")
        for x in extraction.transfers:
            transfers.add_row(x.supplier or "?", x.recipient or "?", x.weapon or "", x.category or "", x.status,
                              x.date or "")
        console.print(transfers)
