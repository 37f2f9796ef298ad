"""`chronique failures [--db]`: the inputs that ingest rejected, with their reasons."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError


def failures(
    db: DbOption = None,
    code: Annotated[str | None, typer.Option(help="Only failures with this reason code.")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many rows.")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """List rejected inputs: file, record, reason code, message and time."""
    from chronique.settings import Settings
    from chronique.store.store import Store

    try:
        with Store.open(Settings.load(db)) as store:
            found = store.failures(code=code, limit=limit)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    if output_format == "jsonl":
        for f in found:
            typer.echo(json.dumps(f.to_dict(), ensure_ascii=False))
        return
    table = Table("at", "source", "record", "code", "message", title=f"{len(found)} failure(s)")
    for f in found:
        table.add_row(f.at, f.source, f.record or "", f.code, f.message)
    Console(width=160).print(table)


def register(app: typer.Typer) -> None:
    app.command()(failures)
