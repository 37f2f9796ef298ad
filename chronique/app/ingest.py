"""Ingest: sources → Articles → Extractions → the store, in batches, resumable.

Articles already stored (same content hash) are skipped before extraction, so a re-run after a
crash only does the work that was lost. Rejected inputs go to the failures table in the same
transaction as the batch they arrived with. Each source is read once: the progress callback
counts what is done, with no first pass to size the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronique.app.read import Extractor, read_articles
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

    @property
    def done(self) -> int:
        """Inputs dealt with so far: extracted, already stored or rejected."""
        return self.report.articles + self.already_stored + self.report.skipped


Progress = Callable[[IngestResult], None]


def ingest(paths: Iterable[str | Path], store: Store, extractor: Extractor, *, fmt: str | None = None,
           policy: FailurePolicy = FailurePolicy.RECORD, batch_size: int = 32,
           progress: Progress | None = None) -> IngestResult:
    result = IngestResult()
    report = result.report
    seen: set[str] = set()

    def tick() -> None:
        if progress:
            progress(result)

    def fresh_articles() -> Iterator[Article]:
        for article in read_articles(paths, report, policy=policy, fmt=fmt, on_reject=tick):
            if article.id in seen or store.has_article(article.id):
                result.already_stored += 1
                tick()
            else:
                seen.add(article.id)
                yield article

    written_failures = 0

    def flush(batch: list[Extraction]) -> None:
        nonlocal written_failures
        pending = report.failures[written_failures:]
        result.add(store.write(batch, pending))
        written_failures = len(report.failures)
        batch.clear()

    batch: list[Extraction] = []
    for extraction in extractor.extract_many(fresh_articles(), policy=policy, report=report):
        batch.append(extraction)
        tick()
        if len(batch) >= batch_size:
            flush(batch)
    flush(batch)
    tick()
    return result
