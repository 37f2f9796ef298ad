"""Ingest: sources → Articles → Extractions → the store, in batches, resumable.

Articles already stored (same content hash) are skipped before extraction, so a re-run after a
crash only does the work that was lost. Rejected inputs go to the failures table in the same
transaction as the batch they arrived with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronique.errors import ChroniqueError
from chronique.ingest.sources import read_sources
from chronique.pipeline import Pipeline
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction
from chronique.store.store import Store, Written


@dataclass
class IngestResult:
    report: RunReport = field(default_factory=RunReport)
    stored_articles: int = 0
    stored_events: int = 0
    stored_transfers: int = 0
    failures: int = 0
    already_stored: int = 0
    linked_copies: int = 0  # new near-duplicate links (wire copies, syndication)

    def add(self, written: Written) -> None:
        self.stored_articles += written.articles
        self.stored_events += written.events
        self.stored_transfers += written.transfers
        self.failures += written.failures
        self.already_stored += written.already_stored
        self.linked_copies += written.links


Progress = Callable[[IngestResult], None]


def count_articles(paths: Iterable[str | Path], fmt: str | None = None) -> int:
    """How many articles and rejected inputs the sources hold (a cheap first pass for progress bars)."""
    return sum(1 for _ in read_sources(paths, fmt=fmt))


def ingest(paths: Iterable[str | Path], store: Store, pipeline: Pipeline, *, fmt: str | None = None,
           policy: FailurePolicy = FailurePolicy.RECORD, batch_size: int = 32,
           progress: Progress | None = None) -> IngestResult:
    result = IngestResult()
    report = result.report
    seen: set[str] = set()

    def fresh_articles() -> Iterator[Article]:
        for item in read_sources(paths, fmt=fmt):
            if isinstance(item, ChroniqueError):
                report.reject(item, policy)
                _tick()
            elif item.id in seen or store.has_article(item.id):
                result.already_stored += 1
                _tick()
            else:
                seen.add(item.id)
                yield item

    written_failures = 0

    def _tick() -> None:
        if progress:
            progress(result)

    def flush(batch: list[Extraction]) -> None:
        nonlocal written_failures
        pending = report.failures[written_failures:]
        result.add(store.write(batch, pending))
        written_failures = len(report.failures)
        batch.clear()

    batch: list[Extraction] = []
    for extraction in pipeline.extract_many(fresh_articles(), policy=policy, report=report):
        batch.append(extraction)
        _tick()
        if len(batch) >= batch_size:
            flush(batch)
    flush(batch)
    _tick()
    return result
