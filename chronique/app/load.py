"""Load Parquet shards of extractions (a Ray job's output) into the store: the same single writer,
batches, merge and idempotence as ``ingest``; loading twice adds nothing."""

from __future__ import annotations

from pathlib import Path

from chronique.app.ingest import IngestResult, Progress
from chronique.engines.shards import read_shards
from chronique.report import Failure
from chronique.schema import Extraction
from chronique.store.store import Store


def load_shards(folder: str | Path, store: Store, *, batch_size: int = 32,
                progress: Progress | None = None) -> IngestResult:
    result = IngestResult()
    report = result.report
    batch: list[Extraction] = []
    failed: list[Failure] = []

    def flush() -> None:
        result.add(store.write(batch, failed))
        batch.clear()
        failed.clear()
        if progress:
            progress(result)

    for row in read_shards(folder):
        if row.failure is not None:
            report.skipped += 1
            report.failures.append(row.failure)
            failed.append(row.failure)
        if row.extraction is not None:
            report.articles += 1
            report.events += len(row.extraction.events)
            report.transfers += len(row.extraction.transfers)
            batch.append(row.extraction)
        if len(batch) >= batch_size:
            flush()
    flush()
    return result
