"""docs/accuracy.md: sections rendered, replaced one by one, kept in registry order."""

from __future__ import annotations

import pytest

from chronique.errors import ConfigError
from chronique.eval.registry import EvalResult, EvalTask
from chronique.eval.report_md import PREAMBLE, merge, render_section, split_document
from chronique.eval.runner import RunInfo, select_tasks

INFO = RunInfo(day="2030-01-02", version="9.9", commit="abc1234", limit=5)


def _section(task: str, f1: float) -> str:
    return render_section(EvalResult(task, "eval/x.tsv", 7, {"f1": f1}, "notes", {"f1": 0.5}), INFO, "what")


def test_render_section_names_dataset_command_provenance_and_baseline() -> None:
    text = _section("a/one", 0.25)
    assert text.startswith("<!-- eval:begin a/one -->\n## a/one\n")
    for piece in ("`eval/x.tsv`", "`chronique eval a/one --limit 5`", "2030-01-02, chronique 9.9, commit abc1234",
                  "n = 7", "| f1 | 0.250 |", "Published baseline: f1 0.500.", "notes"):
        assert piece in text
    assert text.endswith("<!-- eval:end a/one -->\n")


def test_merge_replaces_only_the_tasks_run_and_keeps_registry_order() -> None:
    order = ["a/one", "b/two", "c/three"]
    first = merge(None, {"c/three": _section("c/three", 0.1), "a/one": _section("a/one", 0.2)}, order)
    assert first.startswith(PREAMBLE)
    assert first.index("## a/one") < first.index("## c/three")
    custom = first.replace("# Accuracy", "# Accuracy (hand-edited title)")
    second = merge(custom, {"b/two": _section("b/two", 0.3), "c/three": _section("c/three", 0.9)}, order)
    assert "hand-edited title" in second
    _, sections, file_order = split_document(second)
    assert file_order == order
    assert "| f1 | 0.200 |" in sections["a/one"]  # untouched
    assert "| f1 | 0.900 |" in sections["c/three"] and "0.100" not in sections["c/three"]
    # a section of a task that is no longer registered survives, after the registered ones
    third = merge(second, {"a/one": _section("a/one", 0.4)}, ["a/one", "c/three"])
    assert split_document(third)[2] == ["a/one", "c/three", "b/two"]
    assert merge(third, {}, ["a/one", "c/three"]) == third


def test_select_tasks_by_name_and_prefix() -> None:
    def run(ctx):  # type: ignore[no-untyped-def]
        raise AssertionError

    tasks = [EvalTask(n, "", (), run) for n in ("actors/x", "actors/y", "places/x")]
    assert [t.name for t in select_tasks(tasks, [])] == ["actors/x", "actors/y", "places/x"]
    assert [t.name for t in select_tasks(tasks, ["places/x", "actors"])] == ["actors/x", "actors/y", "places/x"]
    assert [t.name for t in select_tasks(tasks, ["actors/"])] == ["actors/x", "actors/y"]
    with pytest.raises(ConfigError, match="actor'"):
        select_tasks(tasks, ["actor"])
