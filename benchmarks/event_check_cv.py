"""The event check measured: the learned variant (logistic regression over the structural features)
cross-validated by article/page, and the no-act classes the shipped check drops, per set.

    python benchmarks/event_check_cv.py --shared ../shared [--rows /tmp/ec_rows.jsonl]

Rows: the rule coder's default events (check off) on fr/en-wikinews-train, m2e2-voa (train) and the
judged events of the look pages (``chronique.train.event_check_data``). ``--rows`` caches them (they
hold no page text). Look: leave one page out (train rows always in the fit); train: 5 folds by article.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from chronique.coding.event_check import NO_ACT_CLASSES, no_act_class
from chronique.train.event_check_data import CheckRow, build_rows, load_rows, save_rows
from chronique.train.event_check_fit import FitSettings, auc, cross_scores, fit, tradeoff

CUTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
SETS = ("pages-look", "fr-wikinews-train", "en-wikinews-train", "m2e2-voa")


def learned(rows: list[CheckRow], settings: FitSettings) -> None:
    print(f"learned check, C={settings.c}, look weight {settings.look_weight}")
    for held in ("look", "train"):
        test, scores = cross_scores(rows, settings, held)
        labels = [r.label for r in test]
        print(f"  {held}: {len(test)} events, {sum(labels)} right, AUC {auc(labels, scores):.3f}")
        for corpus in sorted({r.corpus for r in test}) if held == "train" else ():
            idx = [i for i, r in enumerate(test) if r.corpus == corpus]
            print(f"    {corpus}: AUC {auc([labels[i] for i in idx], scores[idx]):.3f}")
        for cut, kept, right_kept, right in tradeoff(labels, scores, CUTS):
            print(f"    P(right) >= {cut:.2f}: kept {kept}, right kept {right_kept}/{right}, "
                  f"share right {right_kept / max(kept, 1):.3f}")
    model = fit(rows, settings)
    order = np.argsort(np.abs(model.coef))[::-1][:15]
    print("  largest weights (all rows): " + " ".join(f"{model.names[i]} {model.coef[i]:+.2f}" for i in order))


def classes(rows: list[CheckRow]) -> None:
    print("no-act classes (events in the class: right / all; then all events before -> after the check)")
    for name in [*NO_ACT_CLASSES, "shipped (any)"]:
        cells = []
        for corpus in SETS:
            sub = [r for r in rows if r.corpus == corpus]
            hit = [r for r in sub if (no_act_class(r.features) == name if name in NO_ACT_CLASSES
                                      else no_act_class(r.features) is not None)]
            cells.append(f"{corpus} {sum(r.label for r in hit)}/{len(hit)}")
        print(f"  {name}: " + ", ".join(cells))
    for corpus in SETS:
        sub = [r for r in rows if r.corpus == corpus]
        kept = [r for r in sub if no_act_class(r.features) is None]
        right, right_kept = sum(r.label for r in sub), sum(r.label for r in kept)
        print(f"  {corpus}: {right}/{len(sub)} ({right / max(len(sub), 1):.3f}) -> {right_kept}/{len(kept)} "
              f"({right_kept / max(len(kept), 1):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rows", type=Path, default=None, help="a cache of the rows (read if it exists)")
    parser.add_argument("--c", type=float, default=FitSettings.c)
    parser.add_argument("--look-weight", type=float, default=FitSettings.look_weight)
    args = parser.parse_args()
    if args.rows is not None and args.rows.exists():
        rows = load_rows(args.rows)
    else:
        rows = build_rows(args.shared / "eval" / "train" / "events", args.shared)
        if args.rows is not None:
            save_rows(rows, args.rows)
    learned(rows, FitSettings(c=args.c, look_weight=args.look_weight))
    classes(rows)


if __name__ == "__main__":
    main()
