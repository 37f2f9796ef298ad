"""Uploads: one body sent to the API goes through exactly what `chronique ingest FILE` does (same
readers, pipeline, batching, failure rows), with the pipelines kept per (language, date)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from chronique.app.ingest import IngestResult, ingest
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.report import FailurePolicy
from chronique.store.store import Store

MAX_PIPELINES = 4  # pipelines kept per (lang, published); each holds its loaded models

PipelineCache = dict[tuple[str | None, str | None], Pipeline]


def pipeline_for(cache: PipelineCache, lang: str | None, published: str | None) -> Pipeline:
    """A pipeline for these options, built once (its models load on first use); the oldest goes
    first when the cache is full."""
    key = (lang, published)
    if key not in cache:
        while len(cache) >= MAX_PIPELINES:
            cache.pop(next(iter(cache)))
        cache[key] = Pipeline(PipelineOptions(lang=lang, published=published))
    return cache[key]


def ingest_upload(data: bytes, name: str, store: Store, pipeline: Pipeline, *, fmt: str) -> IngestResult:
    """Store the articles of one uploaded body as `chronique ingest` would store the file ``name``."""
    with tempfile.TemporaryDirectory(prefix="chronique-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return ingest([path], store, pipeline, fmt=fmt, policy=FailurePolicy.RECORD)
