"""Arms transfers in real sentences of the train split (issue 19, round 9): ``arms/train-real``.

The sentences of plv-train, m2e2-voa and fr-wikinews-train that name weapons or military equipment
next to a giving, selling or buying word, judged by reading (``data/transfers_train_real.yaml``:
where each sentence is and its judged records, never the text). Each sentence is coded alone. Train
split: the rules may be written from it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.errors import FormatError
from chronique.eval.arms_judged import _canonical, _data, _result, score_sentences
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import markdown_table
from chronique.eval.transfer_scoring import Judged, parse_judged

DATA = "transfers_train_real.yaml"
PLV = "eval/train/events/plv-train"
M2E2 = "eval/train/events/m2e2-voa"
FR = "eval/train/events/fr-wikinews-train"
SOURCES = {"plv-train": PLV, "m2e2-voa": M2E2, "fr-wikinews-train": FR}


@dataclass(frozen=True)
class RealSentence:
    source: str
    id: str
    kind: str  # the frame or error class
    lang: str
    text: str
    published: str | None
    expect: tuple[Judged, ...]


def _plv(shared: Path) -> dict[str, str]:
    with (shared / PLV / "PLV_train.tsv").open(encoding="utf-8", newline="") as f:
        return {row["sentence_id"]: row["sentence"] for row in csv.DictReader(f, delimiter="\t")}


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _m2e2(shared: Path) -> dict[str, str]:
    return {str(r["sentence_id"]): str(r["sentence"]) for r in _jsonl(shared / M2E2 / "sentences.jsonl")}


def _fr(shared: Path) -> dict[str, tuple[str, str | None]]:
    return {str(r["id"]): (str(r["text"]), r.get("published")) for r in _jsonl(shared / FR / "articles.jsonl")}


def _day(m2e2_id: str) -> str | None:
    """VOA_EN_NW_2016.10.31.3572766_25 → 2016-10-31."""
    parts = m2e2_id.split("_")
    day = parts[3].split(".")[:3] if len(parts) > 3 else []
    return "-".join(day) if len(day) == 3 else None


def load_train_real(shared: Path) -> list[RealSentence]:
    plv, m2e2, fr = _plv(shared), _m2e2(shared), _fr(shared)
    out = []
    for n, row in enumerate(_data(DATA)["sentences"], start=1):
        where = f"{DATA} sentence {n}"
        source, key = row.get("source"), str(row.get("id"))
        text, lang, published = None, "en", None
        if source == "plv-train":
            text = plv.get(key)
        elif source == "m2e2-voa":
            text, published = m2e2.get(key), _day(key)
        elif source == "fr-wikinews-train" and key in fr and len(row.get("at") or []) == 2:
            start, end = row["at"]
            body, published = fr[key]
            text, lang = body[start:end].strip() or None, "fr"
        if not text:
            raise FormatError(f"expected a sentence of {sorted(SOURCES)} (fr: with 'at'), found {row!r}", where=where)
        expect = tuple(_canonical(parse_judged(line, where)) for line in row.get("expect") or [])
        out.append(RealSentence(source, key, str(row.get("class") or ""), lang, text, published, expect))
    return out


def run_train_real(ctx: EvalContext) -> EvalResult:
    items = load_train_real(ctx.shared)[: ctx.limit]
    score, rows, per_class = score_sentences(ctx, items, lambda item: f"{item.source} {item.id}")
    notes = (f"Split: train (`{PLV}`, `{M2E2}`, `{FR}`): {len(items)} real news sentences that name weapons or "
             f"military equipment next to a giving, selling or buying word, judged by the team "
             f"(`chronique/eval/data/{DATA}`: sentence ids and judgements only), "
             f"{sum(bool(i.expect) for i in items)} with a transfer. Each sentence is coded alone; an item is right "
             "when its records are exactly the judged ones. Train: rules may be written from it.\n\n"
             + markdown_table(["class", "items", "right"], [[k, v[0], v[1]] for k, v in sorted(per_class.items())])
             + ("\n\nSentences whose records differ from the judgement:" if rows else ""))
    return _result("arms/train-real", PLV, score, sum(len(i.expect) for i in items), notes, rows)


TASKS: tuple[EvalTask, ...] = (
    EvalTask("arms/train-real", "arms transfers: judged real sentences of the train split", (PLV, M2E2, FR),
             run_train_real),
)
