"""The rule coder alone on the training sets (train split): plv-train pair scores and
fr-wikinews-train triple/dyad F1, as the "rules" row of `chronique train`'s comparison scores them
(the rules' own readings, no open candidates), plus how many marked pairs get an event of the rules'
own from the marked source. A quick before/after measure for rule changes that needs no training.

    .venv/bin/python benchmarks/rules_on_train.py [--shared ../shared] [--plv-only] [--min-confidence 0.5 ...]

With --min-confidence (repeatable) it scores the rules once per confidence floor (readings rated
below it dropped, as PipelineOptions.min_confidence does), from one pass over the candidates.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from chronique.coding.trained import NO_EVENT
from chronique.coding.unlisted import load_sector_heads
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Article
from chronique.train import dataset as ds
from chronique.train.fit import rules_prediction
from chronique.train.scores import pair_scores, wikinews_scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--plv-only", action="store_true")
    parser.add_argument("--min-confidence", type=float, action="append", default=None,
                        help="a confidence floor to score (repeatable; default: none, 0)")
    parser.add_argument("--no-event-check", action="store_true", help="keep the events of no-act sentences")
    args = parser.parse_args()
    _, sets = ds.read_training_files(args.shared / "eval" / "train" / "events")
    annotator = Pipeline(PipelineOptions(coder="rules", stages=ds.CANDIDATE_STAGES,
                                         event_check=not args.no_event_check)).annotator
    proposer = ds.Proposer(annotator, load_sector_heads(), False, None)
    cands: list[ds.Candidate] = []
    for rec in sets.pairs:
        art = Article(id=rec.where, text=rec.text, language="en", published=ds.UNDATED, source=rec.where)
        cands += [ds._plv_label(c, e, rec) for c, e in ds._candidates(proposer, art, "plv-train")]
    gold = {}
    name = "fr-wikinews-train"
    if not args.plv_only and name in sets.wikinews:
        for item in sets.wikinews[name]:
            cands += [ds._label(c, ds._wikinews_label(c, item.events))
                      for c, _ in ds._candidates(proposer, item.article, name)]
            gold[item.article.id] = item.events
    data = ds.TrainingSet(tuple(cands), gold, {r.where: r for r in sets.pairs}, "")
    floors = args.min_confidence or [0.0]
    report = {str(floor): _scores(data, name, gold, floor) for floor in floors}
    print(json.dumps(report if len(floors) > 1 else report[str(floors[0])], indent=1))


def _scores(data: ds.TrainingSet, name: str, gold: dict[str, object], floor: float) -> dict[str, float]:
    predicted = [p if c.confidence >= floor else NO_EVENT
                 for c, p in zip(data.candidates, rules_prediction(data.candidates), strict=True)]
    scores = pair_scores(data, predicted)
    scores["pairs_with_an_own_marked_event"] = len({
        c.group for c, p in zip(data.candidates, predicted, strict=True)
        if c.corpus == "plv-train" and c.marked and c.own and p != NO_EVENT})
    if gold:
        scores.update({f"{name}/{k}": v for k, v in wikinews_scores(data, predicted, name).items()})
    return {k: round(v, 4) for k, v in scores.items()}


if __name__ == "__main__":
    main()
