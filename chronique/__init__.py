"""chronique: political event data from news reports, in French and English."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from chronique.pipeline import Pipeline, extract
    from chronique.schema import Article, Extraction

__all__ = ["Article", "Extraction", "Pipeline", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    # Lazy: importing chronique must not import spaCy (the CLI's --help stays instant).
    if name in ("Pipeline", "extract"):
        from chronique import pipeline

        return getattr(pipeline, name)
    if name in ("Article", "Extraction"):
        from chronique import schema

        return getattr(schema, name)
    raise AttributeError(f"module 'chronique' has no attribute {name!r}")
