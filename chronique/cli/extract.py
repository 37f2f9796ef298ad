"""`chronique extract FILE…`: annotate without a database (DESIGN.md contract 1)."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from chronique.cli.output import write_extractions
from chronique.cli.train import DEFAULT_CODER, CoderOption, WeightsOption
from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article


class OutputFormat(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


def extract(
    files: Annotated[list[Path], typer.Argument(help="Files or directories: text, HTML, RSS/Atom, WARC, JSONL.")],
    lang: Annotated[str, typer.Option(help="fr, en or auto (detect per article).")] = "auto",
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs whose source has none.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.json,
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="Force a reader (text, html, feed, warc, jsonl).")
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="YAML/CSV file of actors that add or override entries.")
    ] = None,
    on_error: Annotated[FailurePolicy, typer.Option(help="What a bad input does to the run.")] = FailurePolicy.RECORD,
    coder: CoderOption = DEFAULT_CODER,
    weights: WeightsOption = None,
) -> None:
    """Extract actors, places, dates, weapons, events and transfers from articles."""
    from chronique.ingest.sources import read_sources
    from chronique.pipeline import Pipeline

    report = RunReport()
    try:
        options = PipelineOptions(
            lang=None if lang == "auto" else lang, published=published, actor_files=tuple(actors or ()),
            coder=coder, coder_weights=weights,
        )
        pipeline = Pipeline(options)

        def articles() -> Iterator[Article]:
            for item in read_sources(files, fmt=input_format):
                if isinstance(item, ChroniqueError):
                    report.reject(item, on_error)
                else:
                    yield item

        extractions = pipeline.extract_many(articles(), policy=on_error, report=report)
        write_extractions(extractions, output_format.value, sys.stdout)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    for failure in report.failures:
        typer.echo(f"skipped [{failure.code}] {failure.source}"
                   f"{' record ' + failure.record if failure.record else ''}: {failure.message}", err=True)
    if report.skipped:
        typer.echo(f"{report.articles} article(s) extracted, {report.skipped} input(s) skipped", err=True)
        raise typer.Exit(1 if report.articles else 3)


def register(app: typer.Typer) -> None:
    app.command()(extract)
