"""The trained coder's weights: a multinomial linear model over named string features.

Stored as gzip'd JSON (no pickle: a weights file is data, readable and safe to load), with the
training command, the data version and the scores beside the numbers. Inference is numpy only.
A missing or corrupt file is a KnowledgeError (exit code 5) that names the path: the coder never
falls back to the rules on its own.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from chronique.errors import KnowledgeError

FORMAT = "chronique.linear.v1"
DEFAULT_WEIGHTS = "trained_coder.json.gz"  # in chronique/knowledge/data


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    features: dict[str, int]  # feature name -> column of ``coef``
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    meta: dict[str, Any] = field(default_factory=dict)  # command, data version, scores, options
    clusters: np.ndarray | None = None  # trigger vector centroids (chronique.coding.vector_clusters)

    def proba(self, rows: list[list[str]]) -> np.ndarray:
        """Class probabilities of each row of feature strings (unknown features are ignored)."""
        scores = np.tile(self.intercept, (len(rows), 1))
        for i, row in enumerate(rows):
            cols = [self.features[f] for f in set(row) if f in self.features]
            if cols:
                scores[i] += self.coef[:, cols].sum(axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def default_weights_path() -> Path:
    return Path(str(resources.files("chronique.knowledge").joinpath("data", DEFAULT_WEIGHTS)))


def save_model(model: LinearModel, path: Path) -> None:
    """Deterministic bytes for the same model: sorted features, fixed rounding, gzip mtime 0."""
    names = sorted(model.features, key=model.features.__getitem__)
    payload = {"format": FORMAT, "classes": list(model.classes), "features": names,
               "coef": np.round(model.coef, 4).tolist(), "intercept": np.round(model.intercept, 4).tolist(),
               "meta": model.meta}
    if model.clusters is not None:
        payload["clusters"] = np.round(model.clusters, 3).tolist()
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def record_path(weights: Path) -> Path:
    """The readable record beside a weights file: trained_coder.json.gz -> trained_coder.record.json."""
    return weights.with_name(weights.name.removesuffix(".gz").removesuffix(".json") + ".record.json")


def save_record(model: LinearModel, weights: Path) -> Path:
    """The weights' training command, data version, options and scores, readable without loading them."""
    path = record_path(weights)
    record = {"weights": weights.name, "classes": list(model.classes), "features": len(model.features), **model.meta}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load_model(path: Path) -> LinearModel:
    """The model in ``path``; KnowledgeError naming the path when it is missing or malformed."""
    try:
        payload = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError("expected the trained coder's weights (run `chronique train`), found no file",
                             where=str(path)) from exc
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KnowledgeError(f"expected gzip'd JSON weights, found unreadable data ({exc})", where=str(path)) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        found = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
        raise KnowledgeError(f"expected weights in format {FORMAT!r}, found {found!r}", where=str(path))
    try:
        classes = tuple(str(c) for c in payload["classes"])
        names = [str(f) for f in payload["features"]]
        coef = np.asarray(payload["coef"], dtype=np.float64)
        intercept = np.asarray(payload["intercept"], dtype=np.float64)
        clusters = np.asarray(payload["clusters"], dtype=np.float32) if "clusters" in payload else None
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"expected classes, features, coef and intercept, found a bad field ({exc})",
                             where=str(path)) from exc
    if coef.shape != (len(classes), len(names)) or intercept.shape != (len(classes),):
        raise KnowledgeError(f"expected coef of shape ({len(classes)}, {len(names)}) and intercept of "
                             f"({len(classes)},), found {coef.shape} and {intercept.shape}", where=str(path))
    if clusters is not None and clusters.ndim != 2:
        raise KnowledgeError(f"expected clusters as a k × dimensions table, found shape {clusters.shape}",
                             where=str(path))
    return LinearModel(classes, {f: i for i, f in enumerate(names)}, coef, intercept, dict(payload.get("meta") or {}),
                       clusters)
