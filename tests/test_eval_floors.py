"""The evaluation gate: the floors file parses, a score under its floor is a breach, and
`chronique eval --check-floors` fails (exit 1) on a breach and passes otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.errors import KnowledgeError
from chronique.eval.floors import check, load_floors, parse_floors
from chronique.eval.registry import EvalResult, EvalTask

HEADER = "task,metric,floor,measured,split\n"


def test_the_packaged_floors_parse_and_name_registered_tasks() -> None:
    from chronique.eval.registry import all_tasks

    floors = load_floors()
    names = {t.name for t in all_tasks()}
    assert floors and all(f.task in names for f in floors)
    assert all(f.floor <= f.measured for f in floors)


def test_a_floor_above_its_measure_or_not_a_number_is_refused() -> None:
    with pytest.raises(KnowledgeError, match=r"floors\.csv:2: expected a floor at or below its measured value"):
        parse_floors(HEADER + "events/x,f1,0.5,0.4,dev\n")
    with pytest.raises(KnowledgeError, match=r"floors\.csv:2: expected numbers"):
        parse_floors(HEADER + "events/x,f1,high,0.4,dev\n")
    with pytest.raises(KnowledgeError, match="expected the columns"):
        parse_floors("task,metric\nevents/x,f1\n")


def test_breaches_are_scores_under_the_floor_or_missing() -> None:
    floors = parse_floors(HEADER + "t/a,f1,0.30,0.32,dev\nt/a,recall,0.20,0.25,dev\nt/b,f1,0.5,0.6,dev\n")
    results = [EvalResult("t/a", "x", 10, {"f1": 0.29})]
    breaches = check(floors, results)
    assert [(b.floor.metric, b.found) for b in breaches] == [("f1", 0.29), ("recall", None)]
    assert check(floors, [EvalResult("t/a", "x", 10, {"f1": 0.31, "recall": 0.2})]) == []


def _fake(monkeypatch: pytest.MonkeyPatch, f1: float) -> None:
    def run(ctx: object) -> EvalResult:
        return EvalResult("fake/gate", "fake.json", 5, {"f1": f1})

    monkeypatch.setattr("chronique.eval.registry.all_tasks", lambda: [EvalTask("fake/gate", "a fake", (), run)])
    monkeypatch.setattr("chronique.eval.floors.load_floors",
                        lambda: parse_floors(HEADER + "fake/gate,f1,0.40,0.42,dev\n"))


def test_check_floors_fails_below_and_passes_above(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake(monkeypatch, 0.39)
    low = CliRunner().invoke(app, ["eval", "--check-floors", "--shared", str(tmp_path)])
    assert low.exit_code == 1
    assert "below floor: fake/gate f1 0.390 < 0.400" in low.output
    _fake(monkeypatch, 0.41)
    ok = CliRunner().invoke(app, ["eval", "--check-floors", "--shared", str(tmp_path)])
    assert ok.exit_code == 0, ok.output
