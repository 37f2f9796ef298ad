"""`chronique transfers FILE… [--format table|csv|json] [--check REGISTER.csv]`: the arms-transfer
records of articles, optionally marked against a trade-register export (library: chronique.arms)."""

from __future__ import annotations

import csv
import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy, RunReport


class TransferFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def transfers(
    files: Annotated[list[Path] | None, typer.Argument(
        help="Files or directories: text, HTML, RSS/Atom, WARC, JSONL. Without files, the store's transfers.")] = None,
    db: DbOption = None,
    lang: Annotated[str, typer.Option(help="fr, en or auto (detect per article).")] = "auto",
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD when the source has none.")] = None,
    output_format: Annotated[TransferFormat, typer.Option("--format", "-f", help="Output format.")] = (
        TransferFormat.table),
    check: Annotated[Path | None, typer.Option("--check", help="A SIPRI trade-register CSV export: mark "
                                               "each record found there (supplier, recipient, designation, "
                                               "±2 years).")] = None,
    on_error: Annotated[FailurePolicy, typer.Option(help="What a bad input does to the run.")] = FailurePolicy.RECORD,
) -> None:
    """List the arms transfers (supplier → recipient, weapon, status) that articles report."""
    from chronique.app.read import extract_sources
    from chronique.app.transfers import load_register, stored_transfer_rows, transfer_rows
    from chronique.arms.register import COLUMNS
    from chronique.pipeline import Pipeline
    from chronique.settings import Settings

    report = RunReport()
    rows: list[list[object]] = []
    try:
        pipeline = Pipeline(PipelineOptions(lang=None if lang == "auto" else lang, published=published))
        register = load_register(check, pipeline.resources.weapons) if check is not None else None
        if not files:
            rows = stored_transfer_rows(Settings.load(db), register)
            _write(rows, COLUMNS, output_format, check is not None)
            return
        rows = transfer_rows(extract_sources(files, pipeline, report, policy=on_error), register)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    _write(rows, COLUMNS, output_format, check is not None)
    for failure in report.failures:
        typer.echo(f"skipped [{failure.code}] {failure.source}: {failure.message}", err=True)
    if report.skipped:
        raise typer.Exit(1 if report.articles else 3)


def _write(rows: list[list[object]], columns: list[str], fmt: TransferFormat, checked: bool) -> None:
    if fmt == TransferFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == TransferFormat.json:
        json.dump([dict(zip(columns, row, strict=True)) for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        shown = [c for c in columns if c not in ("article_id", "evidence") and (checked or c != "in_register")]
        table = Table(*shown, title="Arms transfers")
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            table.add_row(*(str(record[c]) or "?" if c in ("supplier", "recipient") else str(record[c])
                            for c in shown))
        Console(width=160).print(table)


def register(app: typer.Typer) -> None:
    app.command()(transfers)
