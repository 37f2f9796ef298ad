"""Scoring helpers against hand-computed expectations."""

from __future__ import annotations

import pytest

from chronique.eval.scoring import (
    Counts,
    ScoredSpan,
    accuracy,
    add_tables,
    confusion,
    confusion_markdown,
    counts_table,
    macro_f1,
    match_spans,
    micro,
    per_class,
)

GOLD = [ScoredSpan(0, 10, "PER"), ScoredSpan(20, 25, "LOC"), ScoredSpan(30, 40, "ORG")]
PRED = [ScoredSpan(0, 10, "PER"), ScoredSpan(21, 25, "ORG"), ScoredSpan(50, 55, "LOC")]


def test_counts_measures() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == 0.75 and c.recall == 0.6
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0 and (c + Counts(1, 1, 1)) == Counts(4, 2, 3)


def test_strict_and_partial_matching() -> None:
    strict = match_spans(GOLD, PRED, mode="strict")
    assert strict.counts == Counts(tp=1, fp=2, fn=2)
    partial = match_spans(GOLD, PRED, mode="partial")
    assert partial.counts == Counts(tp=2, fp=1, fn=1)
    assert [(g.label, p.label) for g, p in partial.pairs] == [("PER", "PER"), ("LOC", "ORG")]
    # labelled partial matching: the LOC/ORG pair no longer counts
    assert match_spans(GOLD, PRED, mode="partial", labelled=True).counts == Counts(tp=1, fp=2, fn=2)


def test_matching_is_one_to_one_and_prefers_the_largest_overlap() -> None:
    gold = [ScoredSpan(0, 20)]
    pred = [ScoredSpan(0, 3), ScoredSpan(5, 20)]
    m = match_spans(gold, pred, mode="partial")
    assert m.pairs == [(ScoredSpan(0, 20), ScoredSpan(5, 20))] and m.spurious == [ScoredSpan(0, 3)]


def test_per_class_micro_macro() -> None:
    table = per_class(GOLD, PRED, mode="partial")
    assert table == {"PER": Counts(1, 0, 0), "LOC": Counts(0, 1, 1), "ORG": Counts(0, 1, 1)}
    assert micro(table) == Counts(1, 2, 2)
    assert macro_f1(table) == pytest.approx(1 / 3)
    assert add_tables(table, {"PER": Counts(0, 0, 1), "X": Counts(1, 0, 0)})["PER"] == Counts(1, 0, 1)
    assert accuracy(3, 4) == 0.75 and accuracy(0, 0) == 0.0


def test_markdown_rendering() -> None:
    table = counts_table({"A": Counts(1, 1, 0), "B": Counts(0, 0, 2)})
    lines = table.splitlines()
    assert lines[0] == "| class | precision | recall | F1 | gold | tp | fp | fn |"
    assert lines[2] == "| A | 0.500 | 1.000 | 0.667 | 1 | 1 | 1 | 0 |"
    assert lines[-1].startswith("| **micro** | 0.500 | 0.333 | 0.400 | 3 |")
    matrix = confusion([("PER", "person"), ("PER", "person"), ("LOC", "person")])
    rendered = confusion_markdown(matrix, rows=["PER", "LOC"], columns=["person", "country"])
    assert rendered.splitlines()[2:] == ["| PER | 2 | 0 |", "| LOC | 1 | 0 |"]
