"""The one door from the API to ingestion. The pipelines are built and the uploads ingested by the
application layer (`chronique.app.upload`), as for `chronique ingest`; the API only names them."""

from __future__ import annotations

from chronique.app.upload import MAX_PIPELINES, PipelineCache, ingest_upload, pipeline_for

__all__ = ["MAX_PIPELINES", "PipelineCache", "ingest_upload", "pipeline_for"]
