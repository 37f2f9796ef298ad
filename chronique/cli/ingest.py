"""`chronique ingest SOURCE… [--db URL]`: extract articles into the event store, resumably."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from chronique.cli import options
from chronique.errors import ChroniqueError
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy

TimeBudgetOption = Annotated[float, typer.Option(
    "--time-budget", min=0, help="Seconds one article may take; over it, it is rejected (0: no limit).")]
DEFAULT_TIME_BUDGET = PipelineOptions.time_budget_s or 0.0
DbOption = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file (default: $CHRONIQUE_DB, "
                                              "else chronique.db).")]


def ingest(
    sources: Annotated[list[Path], typer.Argument(help="Files or directories: text, HTML, RSS/Atom, WARC, JSONL.")],
    db: DbOption = None,
    lang: options.LangOption = "auto",
    published: options.PublishedOption = None,
    input_format: options.ReaderOption = None,
    batch_size: Annotated[int | None, typer.Option(
        help="Articles per transaction (default: $CHRONIQUE_BATCH_SIZE, else 32).")] = None,
    on_error: Annotated[FailurePolicy, typer.Option(help="What a bad input does to the run.")] = FailurePolicy.RECORD,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    time_budget: TimeBudgetOption = DEFAULT_TIME_BUDGET,
) -> None:
    """Extract events from articles and store them; running it again only adds what is new."""
    from chronique.app.ingest import IngestResult
    from chronique.app.ingest import ingest as run_ingest
    from chronique.pipeline import Pipeline
    from chronique.settings import Settings
    from chronique.store.store import Store

    console = Console(stderr=True)
    started = time.perf_counter()
    try:
        settings = Settings.load(db, batch_size=batch_size)
        pipeline = Pipeline(PipelineOptions(lang=None if lang == "auto" else lang, published=published,
                                            time_budget_s=time_budget or None))
        with Store.open(settings) as store:
            # Sources are read once, as they are extracted: the bar counts inputs done, with no
            # first pass over every source to size it.
            bar = Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed} input(s)"),
                           TextColumn("{task.fields[events]} events · {task.fields[rate]:.1f} art/s"),
                           TimeElapsedColumn(), console=console, disable=not progress)
            with bar:
                task = bar.add_task("ingest", total=None, events=0, rate=0.0)

                def update(r: IngestResult) -> None:
                    elapsed = max(time.perf_counter() - started, 1e-6)
                    bar.update(task, completed=r.done, events=r.stored_events, rate=r.done / elapsed)

                result = run_ingest(sources, store, pipeline, fmt=input_format, policy=on_error,
                                    batch_size=settings.batch_size, progress=update)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    report = result.report
    for failure in report.failures:
        typer.echo(f"rejected [{failure.code}] {failure.source}"
                   f"{' record ' + failure.record if failure.record else ''}: {failure.message}", err=True)
    seconds = time.perf_counter() - started
    typer.echo(f"{result.stored_articles} article(s) stored with {result.stored_events} event(s) and "
               f"{result.stored_transfers} transfer(s); {result.linked_copies} near-duplicate link(s); "
               f"{result.already_stored} already stored; "
               f"{report.skipped} rejected ({result.failures} new failure row(s)); {seconds:.1f} s", err=True)
    if report.skipped:
        raise typer.Exit(1 if report.articles or result.already_stored else 3)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
