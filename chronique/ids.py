"""Deterministic identifiers: the same input always yields the same ids."""

from __future__ import annotations

import hashlib


def stable_hash(*parts: object, length: int = 24) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def event_id(article_id: str, start: int, end: int, event: str, actor: str | None,
             recipient: str | None, mode: str = "") -> str:
    """hash(article id, span, event, actor, recipient) as DESIGN.md asks."""
    return stable_hash(article_id, start, end, event, mode, actor, recipient)
