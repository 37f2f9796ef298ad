"""Guards of a run: an article that breaks a stage or runs past its time budget is a failure row
and its batch-mates are still extracted; internal errors and bad options have their exit codes."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.budget import time_budget
from chronique.cli import app as app_module
from chronique.errors import FormatError, InternalError, TimeBudgetError, UsageError
from chronique.guard import as_error, guard_stream, guarded
from chronique.nlp.weapons import WeaponTagger
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article
from chronique.settings import Settings
from chronique.store.query import EventQuery

POISON = "CONTRE-EXEMPLE"


def _articles() -> list[Article]:
    texts = ["Le Japon a signé mardi un accord de défense avec les Philippines à Manille.",
             f"Le Chili a annoncé mercredi un exercice naval {POISON} au large de Valparaiso.",
             "La Pologne a commandé lundi des chars à la Corée du Sud."]
    return [Article.create(t, source=f"wire/{i}.txt", language="fr", published="2024-03-05")
            for i, t in enumerate(texts)]


def _extract(pipeline, monkeypatch: pytest.MonkeyPatch, budget: float = 60.0) -> tuple[list[str], RunReport]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pipeline, "options", replace(pipeline.options, time_budget_s=budget))
    report = RunReport()
    done = [e.article.source for e in pipeline.extract_many(_articles(), policy=FailurePolicy.RECORD, report=report)]
    return done, report


@pytest.mark.model
def test_an_article_that_breaks_a_stage_is_a_failure_and_its_batch_mates_land(
        pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real_tag = WeaponTagger.tag

    def tag(self: WeaponTagger, doc):  # type: ignore[no-untyped-def]
        if POISON in doc.text:
            raise RuntimeError("a bug in a stage")
        return real_tag(self, doc)

    monkeypatch.setattr(WeaponTagger, "tag", tag)
    done, report = _extract(pipeline, monkeypatch)
    assert done == ["wire/0.txt", "wire/2.txt"]
    [failure] = report.failures
    assert (failure.source, failure.code) == ("wire/1.txt", "INTERNAL_ERROR")
    assert "RuntimeError" in failure.message and "report it" in failure.message


@pytest.mark.model
def test_an_article_over_its_time_budget_is_a_failure_not_a_stall(
        pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real_tag = WeaponTagger.tag

    def tag(self: WeaponTagger, doc):  # type: ignore[no-untyped-def]
        while POISON in doc.text:  # a stage that never ends on this article
            time.sleep(0.01)
        return real_tag(self, doc)

    monkeypatch.setattr(WeaponTagger, "tag", tag)
    started = time.monotonic()
    done, report = _extract(pipeline, monkeypatch, budget=2.0)
    assert done == ["wire/0.txt", "wire/2.txt"]
    assert [(f.source, f.code) for f in report.failures] == [("wire/1.txt", "TIME_BUDGET")]
    assert time.monotonic() - started < 60


def test_time_budget_interrupts_a_loop_and_leaves_no_alarm() -> None:
    with pytest.raises(TimeBudgetError, match=r"within 0\.2 s"), time_budget(0.2, "here"):
        while True:
            time.sleep(0.01)
    with time_budget(5, "here"):
        pass  # a finished block disarms its alarm: nothing fires later
    time.sleep(0.05)


def test_guards_turn_exceptions_into_coded_rejections() -> None:
    assert isinstance(guarded(lambda: [][1], "f.jsonl", 3), InternalError)
    deep = as_error(RecursionError("maximum recursion depth exceeded"), "f.jsonl", 2)
    assert isinstance(deep, FormatError) and deep.record == 2
    ok = guarded(lambda: 5, "f", 1)
    assert ok == 5

    def broken():  # type: ignore[no-untyped-def]
        yield Article.create("Un article avant la panne du lecteur.")
        raise OSError("disk gone")

    items = list(guard_stream(broken(), "crawl.warc"))
    assert isinstance(items[0], Article) and isinstance(items[1], InternalError)
    assert items[1].where == "crawl.warc"


def test_an_internal_error_exits_70_with_where_to_report_it(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    def crash() -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(app_module, "app", crash)
    with pytest.raises(SystemExit) as stopped:
        app_module.main()
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    assert "INTERNAL_ERROR" in err and "ZeroDivisionError" in err and "report it" in err
    assert "Traceback" not in err
    saved = Path(err.split("saved in ")[1].rstrip(".\n"))
    assert "ZeroDivisionError" in saved.read_text(encoding="utf-8")
    saved.unlink()


def test_an_empty_db_option_is_a_usage_error() -> None:
    with pytest.raises(Exception) as raised:
        Settings.load("", env={"CHRONIQUE_DB": "sqlite:///other.db"})
    assert getattr(raised.value, "exit_code", None) == 2


@pytest.mark.parametrize("args", [
    ["events", "--since", "2022-13-45", "--db", "DB"], ["events", "--limit", "-1", "--db", "DB"],
    ["failures", "--limit", "-3", "--db", "DB"], ["events", "--db", ""], ["ingest", "in.txt", "--db", ""],
    ["extract", "in.txt", "--published", "demain"],
])
def test_bad_options_exit_2(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("Le Chili a annoncé un exercice naval.", encoding="utf-8")
    args = [str(tmp_path / "q.db") if a == "DB" else str(tmp_path / a) if a == "in.txt" else a for a in args]
    result = CliRunner().invoke(app_module.app, args)
    assert result.exit_code == 2, result.output


def test_undecodable_bytes_in_a_query_option_are_a_usage_error() -> None:
    with pytest.raises(UsageError, match="undecodable"):
        EventQuery(actor="RUS\udcff")
