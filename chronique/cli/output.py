"""Writing Extractions as JSON, JSONL, CSV (the flat event table) or a readable summary."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from rich.console import Console
from rich.table import Table

from chronique.export.csv import write_rows
from chronique.export.flat import EVENT_COLUMNS, ArticleRef, EventEntry, event_values
from chronique.schema import Extraction


def write_extractions(extractions: Iterable[Extraction], fmt: str, out: TextIO) -> int:
    """Write in ``fmt`` as the extractions arrive; returns how many were written."""
    if fmt not in ("json", "jsonl", "csv", "table"):
        raise ValueError(f"unknown output format {fmt!r}")
    if fmt == "csv":
        return _write_csv(extractions, out)
    console = Console(file=out, width=160)
    count = 0
    if fmt == "json":
        out.write("[")
    for extraction in extractions:
        count += 1
        if fmt == "json":
            text = json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2)
            out.write(("," if count > 1 else "") + "\n" + text)
        elif fmt == "jsonl":
            out.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
        else:
            render_table(extraction, console)
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def _write_csv(extractions: Iterable[Extraction], out: TextIO) -> int:
    """The flat event table (docs/exports.md), one row per event, the header once."""
    count = 0

    def entries() -> Iterator[EventEntry]:
        nonlocal count
        for extraction in extractions:
            count += 1
            a = extraction.article
            ref = ArticleRef(a.id, url=a.url, title=a.title)
            yield from (EventEntry(event, ref) for event in extraction.events)

    write_rows(entries(), out, EVENT_COLUMNS, event_values)
    return count


def mention_counts(extraction: Extraction) -> str:
    parts = [(len(extraction.actors), "actor"), (len(extraction.places), "place"), (len(extraction.times), "date"),
             (len(extraction.weapons), "weapon")]
    return "Mentions: " + ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts)


def render_table(extraction: Extraction, console: Console) -> None:
    """A readable summary of one article: its events, then its transfers, then how many mentions."""
    a = extraction.article
    console.rule(f"{a.title or a.source or a.id[:12]} · {a.language} · published {a.published}"
                 f"{' (inferred)' if a.published_inferred else ''}")
    events = Table("date", "actor", "event", "recipient", "cameo", "place", "modality", "text",
                   title=f"{len(extraction.events)} event(s)")
    for e in extraction.events:
        place = e.event_loc.resolved_place or e.event_loc.extracted_place if e.event_loc else None
        events.add_row(e.date or "", e.actor.code if e.actor and e.actor.code else "", e.event,
                       e.recipient.code if e.recipient and e.recipient.code else "", e.cameo or "", place or "",
                       e.modality, e.event_text[:70])
    console.print(events)
    if extraction.transfers:
        transfers = Table("supplier", "recipient", "weapon", "category", "quantity", "status", "date",
                          title=f"{len(extraction.transfers)} arms transfer(s)")
        for x in extraction.transfers:
            transfers.add_row(x.supplier or "?", x.recipient or "?", x.weapon or "", x.category or "",
                              "" if x.quantity is None else str(x.quantity), x.status, x.date or "")
        console.print(transfers)
    console.print(mention_counts(extraction))
