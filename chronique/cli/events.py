"""`chronique events [--db] [filters] [--format]`: query the stored events."""

from __future__ import annotations

import csv
import enum
import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError
from chronique.schema import Event

if TYPE_CHECKING:  # numpy-backed: imported only when --merge runs
    from chronique.dedup import MergedEvent

COLUMNS = ["id", "date", "event", "mode", "cameo", "actor", "recipient", "country", "place", "modality",
           "confidence", "sources", "event_text"]


class QueryFormat(enum.StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def events(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD), inclusive.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code (RUS, NATO…).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (AGREE…).")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code or prefix.")] = None,
    country: Annotated[str | None, typer.Option(help="Country code of the event's place.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name (substring).")] = None,
    text: Annotated[str | None, typer.Option("--text", help='Full-text query on article text: words, '
                                             '"phrases", OR; accents optional.')] = None,
    limit: Annotated[int, typer.Option(min=0, help="At most this many events (0: all).")] = 100,
    output_format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    merge: Annotated[bool, typer.Option("--merge", help="One line per event reported by several articles, "
                                        "with every source; copies of one story count once.")] = False,
) -> None:
    """Events matching every filter given, newest first."""
    from chronique.settings import Settings
    from chronique.store.query import EventQuery
    from chronique.store.store import Store

    try:
        query = EventQuery(since=since, until=until, actor=actor, recipient=recipient, type=event_type,
                           cameo=cameo, country=country, place=place, text=text, limit=limit or None)
        with Store.open(Settings.load(db)) as store:
            if merge:
                merged = store.merged_events(query)
            else:
                found = store.events(query)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    if merge:
        write_merged(merged, output_format)
    else:
        write_events(found, output_format)


def _row(e: Event) -> list[object]:
    loc = e.event_loc
    return [e.id, e.date, e.event, e.mode, e.cameo, e.actor.code if e.actor else None,
            e.recipient.code if e.recipient else None, loc.country_code if loc else None,
            loc.resolved_place if loc else None, e.modality, e.confidence, " ".join(e.sources), e.event_text]


def write_events(found: list[Event], fmt: QueryFormat) -> None:
    if fmt is QueryFormat.json:
        typer.echo(json.dumps([e.to_dict() for e in found], ensure_ascii=False, indent=2))
    elif fmt is QueryFormat.jsonl:
        for e in found:
            typer.echo(json.dumps(e.to_dict(), ensure_ascii=False))
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(COLUMNS)
        writer.writerows(_row(e) for e in found)
    else:
        table = Table("date", "actor", "event", "recipient", "cameo", "place", "modality", "text",
                      title=f"{len(found)} event(s)")
        for e in found:
            r = _row(e)
            table.add_row(*(str(v or "") for v in (r[1], r[5], r[2], r[6], r[4], r[8], r[9])), e.event_text[:60])
        Console(width=160).print(table)


def _merged_record(m: MergedEvent) -> dict[str, object]:
    return {**m.event.to_dict(), "independent_sources": m.independent_sources, "members": list(m.member_ids)}


def write_merged(found: list[MergedEvent], fmt: QueryFormat) -> None:
    """Merged events: the chosen record with every source, the number of independent stories and
    the ids of the reports merged."""
    if fmt is QueryFormat.json:
        typer.echo(json.dumps([_merged_record(m) for m in found], ensure_ascii=False, indent=2))
    elif fmt is QueryFormat.jsonl:
        for m in found:
            typer.echo(json.dumps(_merged_record(m), ensure_ascii=False))
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow([*COLUMNS, "independent_sources", "members"])
        writer.writerows([*_row(m.event), m.independent_sources, " ".join(m.member_ids)] for m in found)
    else:
        table = Table("date", "actor", "event", "recipient", "cameo", "place", "sources", "independent", "text",
                      title=f"{len(found)} merged event(s)")
        for m in found:
            r = _row(m.event)
            table.add_row(*(str(v or "") for v in (r[1], r[5], r[2], r[6], r[4], r[8])), str(len(m.sources)),
                          str(m.independent_sources), m.event.event_text[:60])
        Console(width=160).print(table)


def register(app: typer.Typer) -> None:
    app.command()(events)
