"""Inferring a publication date from the text itself (placeholder until the ingest work lands)."""

from __future__ import annotations


def infer_published(text: str, lang: str) -> str | None:
    return None
