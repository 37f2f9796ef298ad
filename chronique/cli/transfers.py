"""`chronique transfers FILE… [--format table|csv|json] [--check REGISTER.csv]`: the arms-transfer
records of articles, optionally marked against a trade-register export (library: chronique.arms)."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronique.cli import options
from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError
from chronique.export.flat import TransferEntry
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
    lang: options.LangOption = "auto",
    published: options.PublishedOption = None,
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
    from chronique.pipeline import Pipeline
    from chronique.settings import Settings

    report = RunReport()
    rows: list[TransferEntry] = []
    try:
        if not files:
            options.require_database(db)
        pipeline = Pipeline(PipelineOptions(lang=None if lang == "auto" else lang, published=published))
        register = load_register(check, pipeline.resources.weapons) if check is not None else None
        if not files:
            rows = stored_transfer_rows(Settings.load(db), register)
            _write(rows, output_format, check is not None)
            return
        rows = transfer_rows(extract_sources(files, pipeline, report, policy=on_error), register)
    except ChroniqueError as error:
        raise options.fail(error) from error
    _write(rows, output_format, check is not None)
    for failure in report.failures:
        typer.echo(f"skipped [{failure.code}] {failure.source}: {failure.message}", err=True)
    if report.skipped:
        raise typer.Exit(1 if report.articles else 3)


def _write(rows: list[TransferEntry], fmt: TransferFormat, checked: bool) -> None:
    """The flat transfer table (docs/exports.md) as CSV or JSON, or a readable table."""
    from chronique.export.csv import write_rows
    from chronique.export.flat import csv_text, json_value, transfer_columns, transfer_values

    columns = transfer_columns(checked)
    if fmt == TransferFormat.csv:
        write_rows(rows, sys.stdout, columns, transfer_values)
    elif fmt == TransferFormat.json:
        records = [{c.name: json_value(values[c.name]) for c in columns} for values in map(transfer_values, rows)]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        shown = ["supplier", "recipient", "weapon", "category", "quantity", "status", "year", "reported_by",
                 "evidence_text", *(["in_register"] if checked else [])]
        table = Table(*shown, title="Arms transfers")
        for row in rows:
            values = transfer_values(row)
            table.add_row(*("?" if values[c] is None and c in ("supplier", "recipient") else
                            "" if values[c] is None else str(csv_text(values[c])) for c in shown))
        Console(width=160).print(table)


def register(app: typer.Typer) -> None:
    app.command()(transfers)
