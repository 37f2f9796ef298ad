"""Fitting the candidate model (scikit-learn logistic regression) and its cross-validated scores.

Deterministic: features are sorted, folds are fixed by a hash of each group's name, and the lbfgs
solver has no randomness. The fitted weights become a LinearModel (numpy only at coding time).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from chronique.coding.features import RULE_PREFIXES
from chronique.coding.linear import LinearModel
from chronique.coding.trained import NO_EVENT, choose, passing
from chronique.train.dataset import Candidate

MIN_COUNT = 2  # a feature seen once teaches nothing that generalises


@dataclass(frozen=True)
class FitOptions:
    rule_features: bool = True  # False: the model does not see the rules' proposed class
    c: float = 1.0  # inverse L2 strength
    folds: int = 5
    keep: float = 0.5  # a candidate is coded when P(no event) is below this
    rules_class: bool = False  # True: the model chooses readings and events, the class stays the rules'
    keep_open: float | None = None  # open candidates: coded with the model's class below this P(no event)
    min_confidence: float = 0.0  # a reading the rules rate below this is never coded
    prefer_own: bool = False  # per act, the rules' own reading when it passes, else the likeliest one
    fixed_keep: float | None = None  # the threshold, when chosen elsewhere (None: chosen on the folds)


def usable(cands: Sequence[Candidate]) -> list[Candidate]:
    return [c for c in cands if c.label]


def _features(cand: Candidate, options: FitOptions) -> tuple[str, ...]:
    if options.rule_features:
        return cand.features
    return tuple(f for f in cand.features if not f.startswith(RULE_PREFIXES))


def _matrix(rows: list[tuple[str, ...]], vocab: dict[str, int]) -> csr_matrix:
    indptr, indices = [0], []
    for row in rows:
        cols = sorted({vocab[f] for f in row if f in vocab})
        indices += cols
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def fit(cands: Sequence[Candidate], options: FitOptions, meta: dict[str, object] | None = None) -> LinearModel:
    """A multinomial logistic regression over the labelled candidates."""
    train = usable(cands)
    rows = [_features(c, options) for c in train]
    counts = Counter(f for row in rows for f in set(row))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    labels = [c.label for c in train]
    if len(set(labels)) < 2:
        raise ValueError(f"expected examples of at least two classes, found {sorted(set(labels))}")
    model = LogisticRegression(C=options.c, max_iter=1000)
    model.fit(_matrix(rows, vocab), labels)
    classes = tuple(str(c) for c in model.classes_)
    coef, intercept = np.asarray(model.coef_), np.asarray(model.intercept_)
    if len(classes) == 2:  # a binary model scores the second class only: as a softmax, the first is 0
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
    info = {"rule_features": options.rule_features, "c": options.c, "keep": options.keep,
            "rules_class": options.rules_class, "min_confidence": options.min_confidence,
            "prefer_own": options.prefer_own,
            **({"keep_open": options.keep_open} if options.keep_open is not None else {}),
            "examples": dict(sorted(Counter(labels).items())), **(meta or {})}
    return LinearModel(classes, vocab, coef, intercept, info)


def fold_of(group: str, folds: int) -> int:
    """A fixed fold per group (article), independent of the order the data came in."""
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def cross_proba(cands: Sequence[Candidate], options: FitOptions) -> list[tuple[tuple[str, ...], np.ndarray]]:
    """Each candidate's class probabilities from a model that did not see its group (k folds by group)."""
    out: list[tuple[tuple[str, ...], np.ndarray]] = [((), np.zeros(0))] * len(cands)
    folds = [fold_of(c.group, options.folds) for c in cands]
    for k in range(options.folds):
        held = [i for i, f in enumerate(folds) if f == k]
        if not held:
            continue
        model = fit([c for c, f in zip(cands, folds, strict=True) if f != k], options)
        proba = model.proba([list(_features(cands[i], options)) for i in held])
        for i, p in zip(held, proba, strict=True):
            out[i] = (model.classes, p)
    return out


def labels_at(cands: Sequence[Candidate], probas: list[tuple[tuple[str, ...], np.ndarray]], keep: float,
              *, rules_class: bool = False, keep_open: float | None = None, prefer_own: bool = False,
              min_confidence: float = 0.0) -> list[str]:
    """What the trained coder codes from these probabilities (its per-trigger choice). An open
    candidate (class NONE: the rules did not propose it) keeps the model's class when ``keep_open``
    is given, and is dropped by a filter (``rules_class``) otherwise."""
    keeps = [passing(keep_open if keep_open is not None and c.event == NO_EVENT else keep, c.confidence, min_confidence)
             for c in cands]
    prefer = [c.own for c in cands] if prefer_own else None
    labels = choose([(c.group, *c.trigger) for c in cands], probas, keeps, prefer)  # acts are per article
    return [c.event if rules_class and is_event(label) and (keep_open is None or c.event != NO_EVENT) else label
            for c, label in zip(cands, labels, strict=True)]


def rules_prediction(cands: Sequence[Candidate]) -> list[str]:
    """The rules alone: every candidate kept with its own class."""
    return [c.event if c.own else NO_EVENT for c in cands]


def is_event(label: str) -> bool:
    return bool(label) and label != NO_EVENT
