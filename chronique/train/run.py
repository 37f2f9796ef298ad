"""One training run: candidates → cross-validated comparison → final weights with their record.

The record beside the weights (``meta``) holds the command, the data version, the example counts
and the cross-validated scores of the rules alone, the model without the rules' class, and the
model with it, so the numbers the weights were chosen on travel with them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from chronique.coding.linear import LinearModel, save_model, save_record
from chronique.coding.trained import NO_EVENT
from chronique.coding.vector_clusters import Clusters
from chronique.train.clusters import fit_clusters
from chronique.train.dataset import WIKINEWS_SETS, TrainingSet, build_training_set, read_training_files
from chronique.train.fit import FitOptions, cross_proba, fit, labels_at, rules_prediction
from chronique.train.scores import pair_scores, wikinews_scores

KEEP_GRID = (0.5, 0.7, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995)
OPEN_GRID = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95)  # the open candidates' own threshold (filter+open)
OPEN_VARIANT = "filter+open"


@dataclass(frozen=True)
class TrainReport:
    model: LinearModel
    scores: dict[str, dict[str, float]]  # variant -> metric -> value (cross-validated on train)
    examples: int
    data_version: str


def score_variant(data: TrainingSet, predicted: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for corpus in WIKINEWS_SETS:
        if any(c.corpus == corpus for c in data.candidates):
            out.update({f"{corpus}/{k}": round(v, 4) for k, v in wikinews_scores(data, predicted, corpus).items()})
    if data.pairs:
        out.update({f"plv-train/{k}": round(v, 4) for k, v in pair_scores(data, predicted).items()})
    return out


def objective(scores: dict[str, float]) -> float:
    """What a threshold is chosen for: the sets' headline scores, summed."""
    return sum(v for k, v in scores.items() if k.endswith(("wikinews-train/f1", "pair_macro_f1")))


def tuned(data: TrainingSet, probas: list[tuple[tuple[str, ...], np.ndarray]],
          rules_class: bool, options: FitOptions) -> tuple[float, dict[str, float]]:
    """The keep threshold (from KEEP_GRID, or the fixed one) with the best cross-validated objective, and its
    scores."""
    best: tuple[float, dict[str, float]] | None = None
    for keep in KEEP_GRID if options.fixed_keep is None else (options.fixed_keep,):
        scores = score_variant(data, labels_at(data.candidates, probas, keep, rules_class=rules_class,
                                               prefer_own=options.prefer_own, min_confidence=options.min_confidence))
        if best is None or objective(scores) > objective(best[1]):
            best = (keep, scores)
    assert best is not None
    return best


# variant -> (the model sees the rules' class, the coded class is the rules' own)
VARIANTS = {"model": (False, False), "combined": (True, False), "filter": (True, True)}


def compare(data: TrainingSet, options: FitOptions, *, model_alone: bool = False) -> dict[str, dict[str, float]]:
    """Cross-validated scores (k folds by article/sentence) of the rules alone and of the model
    variants: "combined" (the model sees the rules' class and decides reading and class), "filter"
    (the same model decides the reading and whether it is an event; the class stays the rules') and,
    with ``model_alone``, "model" (it does not see the rules' class). Each at its best keep threshold,
    chosen on the same folds (one parameter, so slightly optimistic)."""
    out = {"rules": score_variant(data, rules_prediction(data.candidates))}
    probas = {True: cross_proba(data.candidates, replace(options, rule_features=True))}
    if model_alone:
        probas[False] = cross_proba(data.candidates, replace(options, rule_features=False))
    for name, (rule_features, rules_class) in VARIANTS.items():
        if rule_features in probas:
            keep, scores = tuned(data, probas[rule_features], rules_class, options)
            out[name] = {**scores, "keep": keep}
    if any(c.event == NO_EVENT for c in data.candidates):
        out[OPEN_VARIANT] = tuned_open(data, probas[True], out["filter"]["keep"], options)
    return out


def tuned_open(data: TrainingSet, probas: list[tuple[tuple[str, ...], np.ndarray]], keep: float,
               options: FitOptions) -> dict[str, float]:
    """The filter at its threshold, plus the open candidates the model codes with its own class
    below the best ``keep_open`` of OPEN_GRID."""
    best: dict[str, float] | None = None
    for keep_open in OPEN_GRID:
        scores = score_variant(data, labels_at(data.candidates, probas, keep, rules_class=True, keep_open=keep_open,
                                               prefer_own=options.prefer_own, min_confidence=options.min_confidence))
        if best is None or objective(scores) > objective(best):
            best = {**scores, "keep": keep, "keep_open": keep_open}
    assert best is not None
    return best


def train(folder: Path, out: Path, options: FitOptions, command: str,
          progress: Callable[[str, int, int], None] | None = None, *, model_alone: bool = False,
          open_candidates: bool = True) -> TrainReport:
    """Build the candidates of ``folder`` (with open candidates and trigger clusters unless told
    not to), compare the variants by cross-validation, fit the chosen variant on everything and
    write its weights to ``out``."""
    read_training_files(folder)  # a malformed file stops the run before the clusters are fitted
    centroids = fit_clusters() if open_candidates else None
    data = build_training_set(folder, progress, open_candidates=open_candidates,
                              clusters=Clusters(centroids) if centroids is not None else None)
    return train_on(data, out, options, command, centroids, model_alone=model_alone, open_candidates=open_candidates)


def train_on(data: TrainingSet, out: Path, options: FitOptions, command: str, centroids: np.ndarray | None, *,
             model_alone: bool = False, open_candidates: bool = True) -> TrainReport:
    """Compare the variants on built candidates, fit the best one on all of them, write it to ``out``."""
    scores = compare(data, options, model_alone=model_alone)
    chosen = max((v for v in [*VARIANTS, OPEN_VARIANT] if v in scores), key=lambda v: objective(scores[v]))
    rule_features, rules_class = VARIANTS.get(chosen, (True, True))
    options = replace(options, rule_features=rule_features, rules_class=rules_class, keep=scores[chosen]["keep"],
                      keep_open=scores[chosen].get("keep_open"))
    meta: dict[str, object] = {"command": command, "data_version": data.data_version, "open": open_candidates,
                               "cross_validation": {"folds": options.folds, "split": "train", "scores": scores}}
    model = replace(fit(data.candidates, options, {**meta, "variant": chosen}), clusters=centroids)
    save_model(model, out)
    save_record(model, out)
    return TrainReport(model, scores, sum(1 for c in data.candidates if c.label), data.data_version)
