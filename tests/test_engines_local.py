"""The local engine on model-free workers: input order, failure rows, a worker killed mid-run,
an article that kills every worker, and a resumed ingest."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from chronique.app.ingest import ingest
from chronique.engines import EngineOptions, LocalEngine
from chronique.engines.work import run_chunk
from chronique.errors import ChroniqueError
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from engine_fakes import TextWorker, failing_factory


def articles(*extra: str, n: int = 9) -> list[Article]:
    texts = [f"Dispatch {i}: the council of Valdoria met the envoys of Norland." for i in range(n)]
    for position, text in enumerate(extra):
        texts.insert(2 + 3 * position, text)
    return [Article.create(t, source=f"in/{i:02d}.txt") for i, t in enumerate(texts)]


def engine(workers: int = 2, **worker: str) -> LocalEngine:
    return LocalEngine(partial(TextWorker, **worker), EngineOptions(workers=workers, chunk_size=2, retries=1))


def test_two_workers_give_the_inline_extractions_in_input_order() -> None:
    given = articles("an empty dispatch", "a crash in the stages")
    report = RunReport()
    inline = [o.extraction for o in run_chunk(TextWorker(), given).outcomes if o.extraction]
    with engine() as pool:
        found = list(pool.extract_many(given, policy=FailurePolicy.RECORD, report=report))
    assert [x.to_dict() for x in found] == [x.to_dict() for x in inline]
    assert [x.article.source for x in found] == [a.source for a in given if "empty" not in a.text
                                                 and "crash" not in a.text]
    assert (report.articles, report.skipped) == (9, 2)
    assert sorted(f.code for f in report.failures) == ["EMPTY_INPUT", "EXTRACTION_FAILED"]
    assert any("a stage fell over" in f.message and f.source == "in/05.txt" for f in report.failures)


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    pidfile = tmp_path / "worker.pid"
    given = articles("please wait here", n=12)

    def kill_when_waiting() -> None:
        for _ in range(600):
            if pidfile.exists() and pidfile.read_text():
                os.kill(int(pidfile.read_text()), signal.SIGKILL)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_when_waiting)
    killer.start()
    with engine(pidfile=str(pidfile)) as pool:
        found = list(pool.extract_many(given, policy=FailurePolicy.RECORD))
        stats = pool.stats
    killer.join()
    assert [x.article.id for x in found] == [a.id for a in given]
    assert stats.dead_workers >= 1 and stats.retried_chunks >= 1


def test_an_article_that_kills_every_worker_becomes_a_failure(tmp_path: Path) -> None:
    given = articles("they die on reading this")
    report = RunReport()
    with engine() as pool:
        found = list(pool.extract_many(given, policy=FailurePolicy.RECORD, report=report))
    assert [x.article.source for x in found] == [a.source for a in given if "die" not in a.text]
    assert [f.code for f in report.failures] == ["EXTRACTION_FAILED"]
    assert "died on each of 2 tries" in report.failures[0].message and report.failures[0].source == "in/02.txt"


def test_an_article_that_killed_its_worker_once_is_extracted_on_the_retry(tmp_path: Path) -> None:
    given = articles("they die on reading this, once")
    with engine(marker=str(tmp_path / "died")) as pool:
        found = list(pool.extract_many(given, policy=FailurePolicy.RECORD))
    assert [x.article.id for x in found] == [a.id for a in given]


def test_a_worker_that_cannot_load_its_pipeline_stops_the_run_with_its_error() -> None:
    with LocalEngine(failing_factory, EngineOptions(workers=1)) as pool, \
            pytest.raises(ChroniqueError, match="spaCy model"):
        list(pool.extract_many(articles(), policy=FailurePolicy.RECORD))


def test_ingest_through_the_engine_resumes_without_extracting_twice(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(7):
        (folder / f"{i}.txt").write_text(f"Bulletin {i}: Norland recalled its ambassador from Valdoria.\n",
                                         encoding="utf-8")
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'run.db'}")
    with Store.open(settings) as store, engine() as pool:  # an interrupted run: the first four stored
        ingest(sorted(folder.iterdir())[:4], store, pool, policy=FailurePolicy.RECORD, batch_size=2)
    with Store.open(settings) as store, engine() as pool:
        again = ingest([folder], store, pool, policy=FailurePolicy.RECORD, batch_size=2)
        assert (again.already_stored, again.stored_articles, again.report.articles) == (4, 3, 3)
        assert store.counts()["articles"] == 7
