"""Scoring weapons and arms transfers.

- ``arms/re3d``: weapon and platform mentions against re3d's Weapon and MilitaryPlatform entities
  (English defence reporting, 7 source folders), precision/recall/F1 by exact offsets and by
  overlap. re3d also tags attacks ("strikes", "air strikes") and vehicle kinds chronique does not
  treat as weapons; its misses are listed so the reader can judge.
- ``arms/seed-example``: the transfers of the canonical French example (expected.md): Iskander-M
  pledged RUS→BLR, Su-25 upgrade (or offer) RUS→BLR, heavy weapons requested by UKR, and no
  transfer of the Scud, which the text names as history.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from chronique.errors import FormatError
from chronique.eval import arms_judged, arms_pages_real, arms_real, arms_train_real
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import Counts, ScoredSpan, accuracy, markdown_table, match_spans
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Transfer

RE3D = "eval/dev/arms/re3d"
SEED = "examples/fr-russia-belarus-iskander.txt"
SEED_EXPECTED = "examples/fr-russia-belarus-iskander.expected.md"
GOLD_TYPES = ("Weapon", "MilitaryPlatform")


def _json_lines(path: Path) -> list[dict[str, object]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise FormatError(f"expected one JSON object per line, found {exc.msg}", where=str(path),
                                  record=str(n)) from exc
    return out


def read_re3d(root: Path) -> list[tuple[str, str, list[ScoredSpan]]]:
    """(document id, text, gold weapon/platform spans) for every source folder."""
    docs = []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        gold: dict[str, list[ScoredSpan]] = {}
        for e in _json_lines(folder / "entities.json"):
            if e.get("type") in GOLD_TYPES:
                gold.setdefault(str(e["documentId"]), []).append(
                    ScoredSpan(int(str(e["begin"])), int(str(e["end"])), str(e["type"])))
        for d in _json_lines(folder / "documents.json"):
            doc_id = str(d["_id"])
            spans = sorted(set(gold.get(doc_id, [])))
            docs.append((f"{folder.name}/{doc_id}", str(d["text"]), spans))
    return docs


def run_re3d(ctx: EvalContext) -> EvalResult:
    docs = read_re3d(ctx.shared / RE3D)[: ctx.limit]
    pipeline = ctx.pipeline_with(("weapons",))
    report = RunReport()
    articles = (Article.create(text, language="en", source=doc_id) for doc_id, text, _ in docs)
    texts = {doc_id: (text, gold) for doc_id, text, gold in docs}
    strict, partial = Counts(), Counts()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for extraction in pipeline.extract_many(articles, policy=FailurePolicy.RECORD, report=report):
        text, gold = texts[extraction.article.source or ""]
        # one gold span per location (re3d may type a span both Weapon and MilitaryPlatform)
        gold = sorted({(g.start, g.end): ScoredSpan(g.start, g.end) for g in gold}.values())
        predicted = [ScoredSpan(w.start, w.end) for w in extraction.weapons]
        strict = strict + match_spans(gold, predicted, mode="strict").counts
        matching = match_spans(gold, predicted, mode="partial")
        partial = partial + matching.counts
        missed.update(text[g.start:g.end] for g in matching.missed)
        spurious.update(text[p.start:p.end] for p in matching.spurious)
    metrics = {**partial.metrics(), **strict.metrics("strict_")}
    table = markdown_table(["matching", "precision", "recall", "F1", "gold", "tp", "fp", "fn"], [
        ["overlap", partial.precision, partial.recall, partial.f1, partial.support, partial.tp, partial.fp, partial.fn],
        ["exact", strict.precision, strict.recall, strict.f1, strict.support, strict.tp, strict.fp, strict.fn],
    ])
    details = "\n\n".join([
        f"Documents: {len(docs)} ({report.skipped} rejected). Gold: re3d Weapon and MilitaryPlatform spans "
        "(a span typed both counts once). Headline figures by overlap.",
        table,
        "Most frequent missed gold spans: " + (", ".join(f"{t} ({n})" for t, n in missed.most_common(15)) or "none"),
        "Most frequent unmatched mentions: " + (", ".join(f"{t} ({n})" for t, n in spurious.most_common(15))
                                                or "none"),
    ])
    return EvalResult(task="arms/re3d", dataset=RE3D, n=partial.support, metrics=metrics, details=details)


def _holds(transfers: tuple[Transfer, ...], supplier: str | None, recipient: str, weapon: str,
           statuses: set[str]) -> bool:
    return any((supplier is None or t.supplier == supplier) and t.recipient == recipient
               and weapon in (t.weapon or t.category or "").lower() and t.status in statuses for t in transfers)


def run_seed(ctx: EvalContext) -> EvalResult:
    text = (ctx.shared / SEED).read_text(encoding="utf-8")
    transfers = ctx.pipeline().extract(text, lang="fr", published="2022-06-26").transfers
    checks = [
        ("Iskander-M pledged RUS→BLR", _holds(transfers, "RUS", "BLR", "iskander", {"pledged"})),
        ("Su-25 upgrade or offer RUS→BLR", _holds(transfers, "RUS", "BLR", "su-25", {"upgrade", "offered"})),
        ("weapons requested by UKR", _holds(transfers, None, "UKR", "", {"requested"})),
        ("no Scud transfer", not any("scud" in (t.weapon or "").lower() for t in transfers)),
    ]
    ok = sum(good for _, good in checks)
    rows = [[name, "yes" if good else "no"] for name, good in checks]
    found = markdown_table(["supplier", "recipient", "weapon", "category", "status", "date"], [
        [t.supplier or "?", t.recipient or "?", t.weapon or "", t.category or "", t.status, t.date or ""]
        for t in transfers])
    return EvalResult(task="arms/seed-example", dataset=SEED_EXPECTED, n=len(checks),
                      metrics={"accuracy": accuracy(ok, len(checks)), "transfers": float(len(transfers))},
                      details=markdown_table(["expected", "holds"], rows) + "\n\nExtracted:\n\n" + found)


TASKS: tuple[EvalTask, ...] = (
    EvalTask("arms/re3d", "re3d (en): weapon and military platform mentions", (RE3D,), run_re3d),
    EvalTask("arms/seed-example", "the arms transfers of the canonical French example", (SEED, SEED_EXPECTED),
             run_seed),
    *arms_judged.TASKS,
    *arms_real.TASKS,
    *arms_train_real.TASKS,
    *arms_pages_real.TASKS,
)
