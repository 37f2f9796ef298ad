"""`chronique eval` with fake tasks: table and JSON output, --list, --write, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.eval import registry
from chronique.eval.registry import EvalContext, EvalResult, EvalTask


def _ok(ctx: EvalContext) -> EvalResult:
    n = ctx.limit or 10
    return EvalResult("fake/ok", "data/gold.txt", n, {"precision": 0.5, "recall": 0.25, "f1": 1 / 3},
                      "| x | y |\n|---|---|\n| 1 | 2 |")


def _broken(ctx: EvalContext) -> EvalResult:
    raise ValueError("the scorer tripped")


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "gold.txt").write_text("x", encoding="utf-8")
    tasks = [
        EvalTask("fake/ok", "a task that works", ("data/gold.txt",), _ok),
        EvalTask("fake/broken", "a task that fails", ("data/gold.txt",), _broken),
        EvalTask("other/absent", "a task whose data is missing", ("data/none.txt",), _ok),
    ]
    monkeypatch.setattr(registry, "all_tasks", lambda: tasks)
    return tmp_path


def test_list_shows_data_presence(shared: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--list", "--shared", str(shared), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["task"], r["data"]) for r in rows] == [("fake/ok", True), ("fake/broken", True),
                                                      ("other/absent", False)]


def test_json_output_and_limit(shared: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "fake/ok", "--shared", str(shared), "--limit", "3", "-f", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert row["status"] == "ok" and row["n"] == 3 and row["metrics"]["recall"] == 0.25


def test_table_output_reports_failures_and_skips(shared: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--shared", str(shared)])
    assert result.exit_code == 1  # fake/broken failed
    assert "fake/ok" in result.stdout and "0.500" in result.stdout
    assert "the scorer tripped" in result.output and "skipped" in result.output


def test_write_updates_only_the_tasks_run(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs" / "accuracy.md"
    result = CliRunner().invoke(app, ["eval", "fake/ok", "--shared", str(shared), "--write", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## fake/ok" in text and "`chronique eval fake/ok`" in text and "| 1 | 2 |" in text
    result = CliRunner().invoke(app, ["eval", "fake/ok", "--shared", str(shared), "--limit", "2",
                                      "--write", str(out)])
    text = out.read_text(encoding="utf-8")
    assert text.count("## fake/ok") == 1 and "`chronique eval fake/ok --limit 2`" in text


def test_unknown_task_and_missing_data_exit_2(shared: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "nope", "--shared", str(shared)])
    assert result.exit_code == 2 and "known tasks" in result.output
    result = CliRunner().invoke(app, ["eval", "other", "--shared", str(shared)])
    assert result.exit_code == 2
