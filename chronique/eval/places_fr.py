"""French toponym recognition: chronique's places against the location entities of HIPE 2020 (fr).

The French gold sets mark named entities, not toponyms with coordinates, so only recognition is
scored: a gold ``loc`` span (literal reading) is found when a place of chronique (either role)
overlaps it (partial) or has its exact offsets (strict). A place that overlaps a gold person or
organisation, or no gold entity at all, counts against precision; a ``loc`` whose metonymic
reading is an organisation ("la France a décidé") is still a literal place name here, as chronique
lists such names as places of role "metonymy".
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from chronique.eval.gold import GoldDocument
from chronique.eval.gold.hipe import read_hipe
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import Counts, ScoredSpan, markdown_table, match_spans
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article

HIPE = "eval/dev/names/hipe2020-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv"
PLACE_STAGES = ("actors", "places")
GOLD_PLACE = "loc"


@dataclass
class FrenchPlaceTally:
    partial: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)


def score_places(tally: FrenchPlaceTally, doc: GoldDocument, places: list[tuple[int, int, str]]) -> None:
    """Add one document: ``places`` are chronique's (start, end, text)."""
    gold = [ScoredSpan(s.start, s.end, s.text) for s in doc.spans if s.label == GOLD_PLACE]
    predicted = [ScoredSpan(start, end, text) for start, end, text in places]
    tally.strict = tally.strict + match_spans(gold, predicted, mode="strict").counts
    matching = match_spans(gold, predicted, mode="partial")
    tally.partial = tally.partial + matching.counts
    tally.missed.update(g.label for g in matching.missed)
    tally.spurious.update(p.label for p in matching.spurious)


def run_hipe_places(ctx: EvalContext) -> EvalResult:
    docs = read_hipe(ctx.shared / HIPE)
    docs = docs[: ctx.limit] if ctx.limit else docs
    by_source = {f"{HIPE}#{d.id}": d for d in docs}
    articles = [Article.create(d.text, language="fr", published=d.date, source=s) for s, d in by_source.items()]
    tally, report = FrenchPlaceTally(), RunReport()
    started = time.perf_counter()
    for extraction in ctx.pipeline_with(PLACE_STAGES).extract_many(articles, policy=FailurePolicy.RECORD,
                                                                    report=report):
        places = [(p.start, p.end, p.text) for p in extraction.places]
        score_places(tally, by_source[extraction.article.source or ""], places)
    seconds = time.perf_counter() - started
    metrics = {**tally.partial.metrics("recognition_"), **tally.strict.metrics("recognition_strict_")}
    rows: list[list[float | int | str | None]] = [
        ["recognition (partial)", tally.partial.precision, tally.partial.recall, tally.partial.f1],
        ["recognition (strict)", tally.strict.precision, tally.strict.recall, tally.strict.f1],
    ]
    details = "\n\n".join([
        f"{len(docs)} documents (Swiss and Luxembourgish newspapers, 1798–2018, OCR), pipeline time "
        f"{seconds:.0f} s; {len(report.failures)} rejected. Gold: literal coarse `loc` entities.",
        markdown_table(["measure", "precision", "recall", "F1"], rows),
        "Most missed: " + ", ".join(f"{k} ({v})" for k, v in tally.missed.most_common(15)),
        "Most spurious: " + ", ".join(f"{k} ({v})" for k, v in tally.spurious.most_common(15)),
    ])
    n = tally.partial.tp + tally.partial.fn
    return EvalResult(task="places/hipe2020-fr", dataset=HIPE, n=n, metrics=metrics, details=details)


TASKS: tuple[EvalTask, ...] = (
    EvalTask("places/hipe2020-fr", "French toponym recognition vs HIPE 2020 location entities (dev)", (HIPE,),
             run_hipe_places),
)
