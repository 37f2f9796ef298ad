"""What the learned event check costs per article: the annotation of fr-wikinews-train articles by the
default pipeline, then the check's embeddings of the kept events' texts, timed apart on one core.

    OMP_NUM_THREADS=1 taskset -c 0 python benchmarks/learned_check_cost.py --shared ../shared --limit 60

The check only embeds the events the default stage keeps (after the floor, screen and no-act classes),
so its cost grows with the events of an article, not its length.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from chronique.coding.event_check_learned import default_check_path, encode, load_check
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.train.readers import read_wikinews


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--weights", type=Path, default=None)
    args = parser.parse_args()
    check = load_check(args.weights or default_check_path())
    pipeline = Pipeline(PipelineOptions())
    articles = read_wikinews(args.shared / "eval" / "train" / "events" / "fr-wikinews-train")[: args.limit]
    encode(["échauffement"])  # load the encoder once, outside the timings
    pipeline.annotator.annotate_doc(articles[0].article)
    annotate, checking, events, kept = [], [], 0, 0
    for item in articles:
        t0 = time.perf_counter()
        doc, _ = pipeline.annotator.annotate_doc(item.article)
        t1 = time.perf_counter()
        found = list(doc._.ch_events or [])
        kept += len(check.keep(doc, found))
        t2 = time.perf_counter()
        annotate.append(t1 - t0)
        checking.append(t2 - t1)
        events += len(found)
    n = len(articles)
    a, c = statistics.mean(annotate), statistics.mean(checking)
    print(f"{n} articles, {events} events kept by default, {kept} by the learned check too")
    print(f"annotate (default pipeline) {1000 * a:.1f} ms/article ({1 / a:.1f} articles/s); learned check "
          f"{1000 * c:.1f} ms/article; both {1 / (a + c):.1f} articles/s; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
