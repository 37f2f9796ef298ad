"""`chronique extract FILE…`: annotate without a database (DESIGN.md contract 1)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from chronique.cli import options
from chronique.cli.ingest import DEFAULT_TIME_BUDGET, TimeBudgetOption
from chronique.cli.output import write_extractions
from chronique.cli.train import DEFAULT_CODER, CoderOption, WeightsOption
from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy, RunReport


class OutputFormat(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


def extract(
    files: Annotated[list[Path], typer.Argument(help="Files or directories: text, HTML, RSS/Atom, WARC, JSONL; "
                                                "'-' reads standard input.")],
    lang: options.LangOption = "auto",
    published: options.PublishedOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default, or '-': "
                                                "standard output).")] = None,
    input_format: options.ReaderOption = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="YAML/CSV file of actors that add or override entries.")
    ] = None,
    on_error: Annotated[FailurePolicy, typer.Option(help="What a bad input does to the run.")] = FailurePolicy.RECORD,
    time_budget: TimeBudgetOption = DEFAULT_TIME_BUDGET,
    coder: CoderOption = DEFAULT_CODER,
    weights: WeightsOption = None,
    relevance_gate: options.RelevanceGateOption = True,
    min_confidence: options.MinConfidenceOption = options.DEFAULT_MIN_CONFIDENCE,
    event_check: options.EventCheckOption = options.DEFAULT_EVENT_CHECK,
) -> None:
    """Extract actors, places, dates, weapons, events and transfers from articles."""
    from chronique.app.read import extract_sources
    from chronique.pipeline import Pipeline

    report = RunReport()
    try:
        pipeline = Pipeline(PipelineOptions(
            lang=None if lang == "auto" else lang, published=published, actor_files=tuple(actors or ()),
            time_budget_s=time_budget or None, coder=coder, coder_weights=weights, relevance_gate=relevance_gate,
            min_confidence=min_confidence, event_check=event_check,
        ))
        with options.stdin_spooled(files) as (paths, copy), options.output_stream(output) as out:
            extractions = extract_sources(paths, pipeline, report, policy=on_error, fmt=input_format,
                                          relabel=lambda item: options.relabel(item, copy))
            write_extractions(extractions, output_format.value, out)
    except ChroniqueError as error:
        raise options.fail(error) from error
    for failure in report.failures:
        typer.echo(f"skipped [{failure.code}] {failure.source}"
                   f"{' record ' + failure.record if failure.record else ''}: {failure.message}", err=True)
    if report.skipped:
        typer.echo(f"{report.articles} article(s) extracted, {report.skipped} input(s) skipped", err=True)
        raise typer.Exit(1 if report.articles else 3)


def register(app: typer.Typer) -> None:
    app.command()(extract)
