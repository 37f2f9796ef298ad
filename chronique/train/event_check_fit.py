"""Fit and cross-validate the event check (a logistic regression over structural features).

Folds keep each article or page whole. The measures asked of the check: AUC, and at each
threshold the share of right events among those kept and the share of right events kept, on the
look pages (leave one page out, the train sets always in the fit) and on train (folds by article).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chronique.train.event_check_data import CheckRow

LOOK = "pages-look"


@dataclass(frozen=True)
class CheckModel:
    """A logistic regression over the event check's features: P(the page reports this act)."""

    names: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float

    def score(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(w * features.get(n, 0.0) for n, w in zip(self.names, self.coef, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


@dataclass(frozen=True)
class FitSettings:
    c: float = 0.3  # inverse L2 strength
    look_weight: float = 5.0  # a judged page event counts as this many train events (fewer, and the target)
    folds: int = 5


def feature_names(rows: Sequence[CheckRow]) -> tuple[str, ...]:
    return tuple(sorted({k for r in rows for k in r.features}))


def matrix(rows: Sequence[CheckRow], names: Sequence[str]) -> np.ndarray:
    return np.array([[r.features.get(n, 0.0) for n in names] for r in rows], dtype=np.float64)


def fit(rows: Sequence[CheckRow], settings: FitSettings) -> CheckModel:
    """A model fitted on ``rows`` (deterministic: lbfgs from zero)."""
    from sklearn.linear_model import LogisticRegression

    names = feature_names(rows)
    x = matrix(rows, names)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    weights = np.array([settings.look_weight if r.corpus == LOOK else 1.0 for r in rows])
    model = LogisticRegression(C=settings.c, max_iter=2000)
    model.fit((x - mean) / scale, [r.label for r in rows], sample_weight=weights)
    coef = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - np.dot(coef, mean))
    return CheckModel(names, tuple(float(v) for v in coef), intercept)


def cross_scores(rows: Sequence[CheckRow], settings: FitSettings, held: str) -> tuple[list[CheckRow], np.ndarray]:
    """Out-of-fold P(right) of each row of corpus family ``held`` ("look": one page out at a time,
    "train": k folds by article, look pages always in the fit)."""
    test = [r for r in rows if (r.corpus == LOOK) == (held == "look")]
    groups = sorted({r.group for r in test})
    folds = [[g] for g in groups] if held == "look" else [groups[i::settings.folds] for i in range(settings.folds)]
    out = np.zeros(len(test))
    index = {id(r): i for i, r in enumerate(test)}
    for fold in folds:
        shut = set(fold)
        model = fit([r for r in rows if r.group not in shut], settings)
        for r in test:
            if r.group in shut:
                out[index[id(r)]] = model.score(r.features)
    return test, out


def auc(labels: Sequence[int], scores: np.ndarray) -> float:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return float(wins / (len(pos) * len(neg)))


def tradeoff(labels: Sequence[int], scores: np.ndarray, cuts: Sequence[float]) -> list[tuple[float, int, int, int]]:
    """(cut, events kept, right kept, right in all) at each cut of P(right)."""
    right = sum(labels)
    return [(c, int((scores >= c).sum()), int(sum(y for y, s in zip(labels, scores, strict=True) if s >= c)), right)
            for c in cuts]
