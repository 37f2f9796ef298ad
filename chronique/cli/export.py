"""`chronique export --format csv|jsonl|parquet|plover [--what events|transfers|articles] [--db] [-o FILE]`."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError
from chronique.schema import Event, Record


def _merged(events: Iterable[Event], duplicates: Iterable[tuple[str, str, float]]) -> Iterator[Event]:
    from chronique.dedup import merge_events

    for merged in merge_events(events, duplicates=duplicates):
        yield merged.event


def export(
    output_format: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, parquet or plover.")],
    what: Annotated[str, typer.Option(help="events, transfers or articles.")] = "events",
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout; "
                                                "parquet needs a file).")] = None,
    merge: Annotated[bool, typer.Option(help="Merge reports of one event across articles (events only).")] = True,
) -> None:
    """Write the stored events, transfers or articles in an exchange format."""
    from chronique.export import write
    from chronique.settings import Settings
    from chronique.store.store import Store

    if output_format == "parquet" and output is None:
        typer.echo("error [CONFIG_ERROR]: --format parquet writes a file: give -o FILE", err=True)
        raise typer.Exit(2)
    try:
        with Store.open(Settings.load(db)) as store:
            records: Iterable[Record]
            if what == "events":
                records = (_merged(store.iter_events(), store.duplicate_pairs()) if merge
                           else store.iter_events())
            elif what == "transfers":
                records = store.iter_transfers()
            else:
                records = store.iter_articles()
            count = write(output_format, records, output if output is not None else sys.stdout, what=what)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    typer.echo(f"{count} {what} written" + (f" to {output}" if output else ""), err=True)


def register(app: typer.Typer) -> None:
    app.command()(export)
