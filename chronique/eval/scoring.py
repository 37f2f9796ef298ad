"""Shared scoring helpers for every ``chronique eval`` task.

Spans are ``ScoredSpan(start, end, label)`` within one document; score each document with
``match_spans`` and add the ``Counts`` up. Two matching modes, as in CoNLL/HIPE/TempEval scoring:

- ``strict``: same start and end offsets;
- ``partial``: the spans overlap by at least one character ("fuzzy" boundaries).

Matching is one-to-one: each gold span pairs with at most one predicted span (largest overlap
first), so a long gold span cut into two predicted pieces counts one hit and one false positive.
With ``labelled=True`` a pair must also agree on the label; otherwise labels are compared
afterwards (``Matching.pairs`` feeds ``confusion`` and ``accuracy``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

MatchMode = Literal["strict", "partial"]


class ScoredSpan(NamedTuple):
    start: int
    end: int  # exclusive
    label: str = ""


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives, and the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def support(self) -> int:  # number of gold items
        return self.tp + self.fn

    def metrics(self, prefix: str = "") -> dict[str, float]:
        return {f"{prefix}precision": self.precision, f"{prefix}recall": self.recall, f"{prefix}f1": self.f1}


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def overlap(a: ScoredSpan, b: ScoredSpan) -> int:
    """Characters shared by two spans (0 when disjoint)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


@dataclass(frozen=True)
class Matching:
    pairs: list[tuple[ScoredSpan, ScoredSpan]] = field(default_factory=list)  # (gold, predicted)
    missed: list[ScoredSpan] = field(default_factory=list)  # gold spans without a partner
    spurious: list[ScoredSpan] = field(default_factory=list)  # predicted spans without a partner

    @property
    def counts(self) -> Counts:
        return Counts(len(self.pairs), len(self.spurious), len(self.missed))


def match_spans(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan], *, mode: MatchMode = "strict",
                labelled: bool = False) -> Matching:
    """One-to-one pairing of gold and predicted spans of one document."""
    candidates: list[tuple[int, int, int]] = []  # (-overlap, gold index, predicted index)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if labelled and g.label != p.label:
                continue
            if mode == "strict":
                if (g.start, g.end) == (p.start, p.end):
                    candidates.append((-(g.end - g.start), gi, pi))
            elif overlap(g, p) > 0:
                candidates.append((-overlap(g, p), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return Matching(
        pairs=[(gold[gi], predicted[pi]) for gi, pi in pairs],
        missed=[g for i, g in enumerate(gold) if i not in used_gold],
        spurious=[p for i, p in enumerate(predicted) if i not in used_pred],
    )


def per_class(gold: Sequence[ScoredSpan], predicted: Sequence[ScoredSpan], *,
              mode: MatchMode = "strict") -> dict[str, Counts]:
    """Labelled matching, counted per label (gold labels and predicted labels together)."""
    matching = match_spans(gold, predicted, mode=mode, labelled=True)
    table: dict[str, Counts] = {}
    for g, _ in matching.pairs:
        table[g.label] = table.get(g.label, Counts()) + Counts(tp=1)
    for g in matching.missed:
        table[g.label] = table.get(g.label, Counts()) + Counts(fn=1)
    for p in matching.spurious:
        table[p.label] = table.get(p.label, Counts()) + Counts(fp=1)
    return table


def add_tables(a: Mapping[str, Counts], b: Mapping[str, Counts]) -> dict[str, Counts]:
    out = dict(a)
    for label, counts in b.items():
        out[label] = out.get(label, Counts()) + counts
    return out


def micro(table: Mapping[str, Counts]) -> Counts:
    total = Counts()
    for counts in table.values():
        total = total + counts
    return total


def macro_f1(table: Mapping[str, Counts]) -> float:
    """Unweighted mean of the per-class F1 (classes with neither gold nor predictions excluded)."""
    scores = [c.f1 for c in table.values() if c.tp + c.fp + c.fn]
    return sum(scores) / len(scores) if scores else 0.0


def accuracy(correct: int, total: int) -> float:
    return correct / total if total else 0.0


def confusion(pairs: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """(gold label, predicted label) pairs → counts."""
    return Counter(pairs)


# --- markdown rendering -------------------------------------------------------------------------

def fmt(value: float | int | str | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[float | int | str | None]]) -> str:
    def cell(value: float | int | str | None) -> str:
        return fmt(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def counts_table(table: Mapping[str, Counts], *, label: str = "class", total: bool = True) -> str:
    """Per-class precision/recall/F1 with support, plus a micro-averaged total row."""
    rows: list[list[float | int | str | None]] = [
        [name, c.precision, c.recall, c.f1, c.support, c.tp, c.fp, c.fn] for name, c in sorted(table.items())
    ]
    if total and len(table) > 1:
        m = micro(table)
        rows.append(["**micro**", m.precision, m.recall, m.f1, m.support, m.tp, m.fp, m.fn])
    return markdown_table([label, "precision", "recall", "F1", "gold", "tp", "fp", "fn"], rows)


def confusion_markdown(matrix: Mapping[tuple[str, str], int], *, rows: Sequence[str] | None = None,
                       columns: Sequence[str] | None = None, corner: str = "gold \\ predicted") -> str:
    """A confusion matrix as a markdown table: gold labels down, predicted labels across."""
    rows = list(rows) if rows is not None else sorted({g for g, _ in matrix})
    columns = list(columns) if columns is not None else sorted({p for _, p in matrix})
    body: list[list[float | int | str | None]] = [[r, *(matrix.get((r, c), 0) for c in columns)] for r in rows]
    return markdown_table([corner, *columns], body)
