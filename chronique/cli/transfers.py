"""`chronique transfers FILE… [--format table|csv|json] [--check REGISTER.csv]`: the arms-transfer
records of articles, optionally marked against a trade-register export (library: chronique.arms)."""

from __future__ import annotations

import csv
import enum
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article

if TYPE_CHECKING:
    from chronique.arms.register import RegisterRow


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
    from chronique.arms.register import (
        COLUMNS,
        CountryResolver,
        actor_country_lookup,
        in_register,
        read_register,
        transfer_row,
    )
    from chronique.ingest.sources import read_sources
    from chronique.pipeline import Pipeline

    report = RunReport()
    rows: list[list[object]] = []
    try:
        pipeline = Pipeline(PipelineOptions(lang=None if lang == "auto" else lang, published=published))
        register = None
        if check is not None:
            catalogue = pipeline.annotator.resources.weapons
            register = read_register(check, catalogue, CountryResolver(catalogue, actor_country_lookup()))
        if not files:
            rows = _stored_rows(db, register)
            _write(rows, COLUMNS, output_format, check is not None)
            return

        def articles() -> Iterator[Article]:
            for item in read_sources(files or ()):
                if isinstance(item, ChroniqueError):
                    report.reject(item, on_error)
                else:
                    yield item

        for extraction in pipeline.extract_many(articles(), policy=on_error, report=report):
            for transfer in extraction.transfers:
                found = in_register(transfer, register) if register is not None else None
                rows.append(transfer_row(transfer, extraction, found))
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


def _stored_rows(db: str | None, register: list[RegisterRow] | None) -> list[list[object]]:
    """The transfers already in the store (``chronique ingest``), with their evidence."""
    from chronique.arms.register import in_register, transfer_row
    from chronique.schema import Extraction
    from chronique.settings import Settings
    from chronique.store.store import Store

    out: list[list[object]] = []
    with Store.open(Settings.load(db)) as store:
        for article, found in store.iter_article_transfers():
            extraction = Extraction(article=article, transfers=tuple(found))
            for transfer in found:
                found_in = in_register(transfer, register) if register is not None else None
                out.append(transfer_row(transfer, extraction, found_in))
    return out


def register(app: typer.Typer) -> None:
    app.command()(transfers)
