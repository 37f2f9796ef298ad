"""`chronique load SHARDS/ [--db URL]`: Parquet shards of extractions (`ingest --engine ray --shards`)
into the store, with the same merge and idempotence as `ingest`."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from chronique.cli.ingest import DbOption, summarise
from chronique.errors import ChroniqueError


def load(
    shards: Annotated[str, typer.Argument(help="Folder (or URL: s3://…, file://…) of part-*.parquet shards.")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 32,
) -> None:
    """Store the extractions of a Ray job; loading again only adds what is new."""
    from chronique.app.load import load_shards
    from chronique.settings import Settings
    from chronique.store.store import Store

    started = time.perf_counter()
    try:
        with Store.open(Settings.load(db)) as store:
            result = load_shards(shards, store, batch_size=batch_size)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    summarise(result, time.perf_counter() - started)
    if result.report.skipped:
        raise typer.Exit(1 if result.report.articles else 3)


def register(app: typer.Typer) -> None:
    app.command()(load)
