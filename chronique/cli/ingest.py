"""`chronique ingest SOURCE… [--db URL] [--engine local|ray] [--workers N]`: extract articles into
the event store, resumably, on every core (or on Ray); one process writes the store."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from chronique.cli import options
from chronique.errors import ChroniqueError, ConfigError
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy

if TYPE_CHECKING:
    from chronique.app.ingest import IngestResult
    from chronique.engines import EngineOptions
    from chronique.engines.meter import Metered, RunTimes

TimeBudgetOption = Annotated[float, typer.Option(
    "--time-budget", min=0, help="Seconds one article may take; over it, it is rejected (0: no limit).")]
DEFAULT_TIME_BUDGET = PipelineOptions.time_budget_s or 0.0
DbOption = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file (default: $CHRONIQUE_DB, "
                                              "else chronique.db).")]


def progress_bar(console: Console, enabled: bool) -> Progress:
    return Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed} article(s) done"),
                    TextColumn("{task.fields[events]} events · {task.fields[rate]:.1f} art/s · "
                               "ETA {task.fields[eta]} · {task.fields[failures]} failure(s)"),
                    TimeElapsedColumn(), console=console, disable=not enabled)


def as_inputs(sources: list[str]) -> list[str | Path]:
    """Paths, except URLs (s3://…, file://…), which a Path would mangle: readers open those through pyarrow."""
    from chronique.ingest.remote import is_url

    return [source if is_url(source) else Path(source) for source in sources]


def _eta(seconds: float | None) -> str:
    return "?" if seconds is None else time.strftime("%H:%M:%S", time.gmtime(seconds))


def _run(sources: list[str | Path], db: str | None, options: PipelineOptions, engine_name: str,
         engine_options: EngineOptions, input_format: str | None, on_error: FailurePolicy, batch_size: int | None,
         console: Console, show: bool) -> tuple[IngestResult, Metered]:
    from chronique.app.ingest import ingest as run_ingest
    from chronique.engines import make_engine, pipeline_factory
    from chronique.engines.meter import Metered, input_bytes
    from chronique.settings import Settings
    from chronique.store.store import Store

    settings = Settings.load(db, batch_size=batch_size)
    engine = make_engine(engine_name, engine_options, pipeline_factory(options))
    with Store.open(settings) as store, progress_bar(console, show) as bar:
        try:
            metered = Metered(engine, input_bytes(sources))
            task = bar.add_task("ingest", total=None, events=0, rate=0.0, eta="?", failures=0)

            def update(r: IngestResult) -> None:
                now = metered.snapshot(r.done, r.report.skipped)
                bar.update(task, completed=now.done, events=r.stored_events, rate=now.rate, eta=_eta(now.eta),
                           failures=now.failures)

            result = run_ingest(sources, store, metered, fmt=input_format, policy=on_error,
                                batch_size=settings.batch_size, progress=update)
        finally:
            engine.close()
    metered.finish()
    return result, metered


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files or directories (text, HTML, RSS/Atom, WARC, JSONL, "
                                                 "Parquet), or URLs: file://, s3://, gs://…")],
    db: DbOption = None,
    lang: options.LangOption = "auto",
    published: options.PublishedOption = None,
    input_format: options.ReaderOption = None,
    batch_size: Annotated[int | None, typer.Option(
        help="Articles per transaction (default: $CHRONIQUE_BATCH_SIZE, else 32).")] = None,
    on_error: Annotated[FailurePolicy, typer.Option(help="What a bad input does to the run.")] = FailurePolicy.RECORD,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    time_budget: TimeBudgetOption = DEFAULT_TIME_BUDGET,
    relevance_gate: options.RelevanceGateOption = True,
    min_confidence: options.MinConfidenceOption = options.DEFAULT_MIN_CONFIDENCE,
    event_check: options.EventCheckOption = options.DEFAULT_EVENT_CHECK,
    engine: Annotated[str, typer.Option(help="local (worker processes on this machine) or ray.")] = "local",
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: all cores).")] = None,
    address: Annotated[str | None, typer.Option(help="Ray cluster to join: auto or ray://host:port "
                                                "(default: a Ray started for this run).")] = None,
    shards: Annotated[str | None, typer.Option(help="Write Parquet shards of extractions to this folder or URL "
                                               "instead of the store (then: chronique load).")] = None,
) -> None:
    """Extract events from articles and store them; running it again only adds what is new."""
    from chronique.engines import EngineOptions

    console = Console(stderr=True)
    started = time.perf_counter()
    try:
        if engine != "ray" and address:
            raise ConfigError(f"expected --engine ray with --address, found --engine {engine}", where="--engine")
        inputs = as_inputs(sources)
        pipeline_options = PipelineOptions(lang=None if lang == "auto" else lang, published=published,
                                           time_budget_s=time_budget or None, relevance_gate=relevance_gate,
                                           min_confidence=min_confidence, event_check=event_check)
        engine_options = EngineOptions(workers=workers, address=address)
        if shards is not None:
            _write_shards(inputs, shards, engine, pipeline_options, engine_options, input_format, started)
            return
        result, metered = _run(inputs, db, pipeline_options, engine, engine_options, input_format, on_error,
                               batch_size, console, progress)
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    summarise(result, time.perf_counter() - started)
    typer.echo(run_report(result, metered.times, f"{engine} × {engine_options.n_workers}"), err=True)
    if result.report.skipped:
        raise typer.Exit(1 if result.report.articles or result.already_stored else 3)


def _write_shards(sources: list[str | Path], folder: str, engine: str, options: PipelineOptions,
                  engine_options: EngineOptions, input_format: str | None, started: float) -> None:
    from chronique.engines import ENGINE_NAMES, pipeline_factory, ray_missing

    factory = pipeline_factory(options)
    if engine == "local":
        from chronique.engines.local_shards import write_shards_local

        job = write_shards_local(sources, folder, factory, engine_options, fmt=input_format)
    elif engine == "ray":
        try:
            from chronique.engines.ray_shards import write_shards
        except ImportError as error:
            raise ray_missing(error) from error
        job = write_shards(sources, folder, factory, engine_options, fmt=input_format)
    else:
        raise ConfigError(f"expected an engine among {', '.join(ENGINE_NAMES)}, found {engine!r}", where="--engine")
    steps = ", ".join(f"{step} {spent:.1f} s" for step, spent in job.seconds.items())
    typer.echo(f"{job.parts - job.skipped} shard(s) written to {folder} ({job.skipped} already there): "
               f"{job.articles} article(s), {job.events} event(s), {job.failures} failure(s); "
               f"{time.perf_counter() - started:.1f} s; worker time: {steps or 'none'}", err=True)


def summarise(result: IngestResult, seconds: float) -> None:
    """The rejected inputs, then one line of what the store gained."""
    report = result.report
    for failure in report.failures:
        typer.echo(f"rejected [{failure.code}] {failure.source}"
                   f"{' record ' + failure.record if failure.record else ''}: {failure.message}", err=True)
    typer.echo(f"{result.stored_articles} article(s) stored with {result.stored_events} event(s) and "
               f"{result.stored_transfers} transfer(s); {result.linked_copies} near-duplicate link(s); "
               f"{result.already_stored} already stored; "
               f"{report.skipped} rejected ({result.failures} new failure row(s)); {seconds:.1f} s", err=True)


def run_report(result: IngestResult, times: RunTimes, engine: str) -> str:
    """The run in numbers: what was extracted, how fast, and where the time went."""
    report = result.report
    rate = report.articles / times.wall if times.wall else 0.0
    ranked = sorted(times.workers.items(), key=lambda item: ("/" in item[0], -item[1]))  # steps, then stages
    steps = ", ".join(f"{step} {spent:.1f} s" for step, spent in ranked) or "none"
    return (f"run: {report.articles} article(s) extracted, {report.events} event(s), {report.skipped} failure(s) "
            f"in {times.wall:.1f} s ({rate:.2f} articles/s) on {engine}; driver: read {times.read:.1f} s, "
            f"waiting on workers {times.waiting:.1f} s, store {times.store:.1f} s; worker time: {steps}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
