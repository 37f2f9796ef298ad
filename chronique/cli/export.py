"""`chronique export --format csv|jsonl|parquet|plover [--what events|transfers|articles] [--db] [-o FILE]`."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chronique.cli import options
from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError
from chronique.export.flat import ArticleRef, EventEntry, MergeInfo, TransferEntry, with_articles
from chronique.report import FailurePolicy, RunReport

if TYPE_CHECKING:
    from chronique.export.sink import Exportable
    from chronique.store.store import Store


class ExportFormat(enum.StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"


class ExportWhat(enum.StrEnum):
    events = "events"
    transfers = "transfers"
    articles = "articles"


class PloverLayout(enum.StrEnum):
    jsonl = "jsonl"
    json = "json"


def _merged(store: Store) -> Iterator[EventEntry]:
    from chronique.dedup import merge_events

    for m in merge_events(store.iter_events(), duplicates=store.duplicate_pairs()):
        yield EventEntry(m.event, merge=MergeInfo(m.independent_sources, tuple(m.member_ids)))


def _transfers(store: Store) -> Iterator[TransferEntry]:
    for article, found in store.iter_article_transfers():
        ref = ArticleRef(article.id, url=article.url, title=article.title, text=article.text)
        yield from (TransferEntry(t, ref) for t in found)


def _records(store: Store, what: ExportWhat, merge: bool) -> Iterable[Exportable]:
    if what is ExportWhat.events:
        return with_articles(_merged(store) if merge else store.iter_events(), store.article_refs)
    if what is ExportWhat.transfers:
        return _transfers(store)
    return store.iter_articles()


def export(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Exchange format.")],
    what: Annotated[ExportWhat, typer.Option(help="Which records.")] = ExportWhat.events,
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout; "
                                                "parquet needs a file).")] = None,
    merge: Annotated[bool, typer.Option(help="Merge reports of one event across articles (events only).")] = True,
    layout: Annotated[PloverLayout, typer.Option(help="PLOVER only: one record per line (jsonl) or one JSON "
                                                 "array (json).")] = PloverLayout.jsonl,
) -> None:
    """Write the stored events, transfers or articles in an exchange format (CSV and Parquet: the
    flat tables of docs/exports.md)."""
    from chronique.export import write
    from chronique.settings import Settings
    from chronique.store.store import Store

    if output_format is ExportFormat.parquet and output is None:
        raise typer.BadParameter("expected -o FILE with --format parquet (it writes a binary file), found none",
                                 param_hint="--output")
    if layout is not PloverLayout.jsonl and output_format is not ExportFormat.plover:
        raise typer.BadParameter(f"expected --layout only with --format plover, found --format {output_format}",
                                 param_hint="--layout")
    report = RunReport()  # PLOVER: an event that cannot be a PLOVER record (no date…) is reported, not fatal
    try:
        options.require_database(db)
        with Store.open(Settings.load(db)) as store:
            merged = merge and what is ExportWhat.events
            target = output if output is not None else sys.stdout
            count = write(output_format.value, _records(store, what, merge), target, what=what.value, merged=merged,
                          plover_layout=layout.value, policy=FailurePolicy.RECORD, report=report)
    except ChroniqueError as error:
        raise options.fail(error) from error
    for failure in report.failures:
        typer.echo(f"skipped [{failure.code}] {failure.message}", err=True)
    typer.echo(f"{count} {what} written" + (f" to {output}" if output else "") +
               (f"; {report.skipped} skipped" if report.skipped else ""), err=True)
    if report.skipped:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(export)
