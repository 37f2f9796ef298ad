"""The application layer without a model: sources are read once into Articles and rejections, and
ingest stores what an extractor gives it (a fake one here, so these tests need no spaCy model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from chronique.app.ingest import IngestResult, ingest
from chronique.app.read import extract_sources, read_articles
from chronique.errors import ChroniqueError
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction
from chronique.settings import Settings
from chronique.store.store import Store


class CountingExtractor:
    """Gives each article an empty Extraction and remembers which articles it was handed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        for article in articles:
            self.seen.append(article.source or "")
            if report is not None:
                report.articles += 1
            yield Extraction(article=article)


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Valdoria signed a trade pact with Norland on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Les ministres de l'Ostrie se sont rencontrés mardi à Port-Lune.\n",
                                  encoding="utf-8")
    return [folder, tmp_path / "missing.txt"]


def test_read_articles_yields_articles_and_files_each_rejection(inputs: list[Path]) -> None:
    report, ticks = RunReport(), []
    articles = list(read_articles(inputs, report, policy=FailurePolicy.RECORD, on_reject=lambda: ticks.append(1)))
    assert [Path(a.source or "").name for a in articles] == ["a.txt", "b.txt"]
    assert report.skipped == 1 and ticks == [1]
    assert report.failures[0].source.endswith("missing.txt") and "nothing at this path" in report.failures[0].message


def test_read_articles_under_skip_counts_and_under_raise_stops(inputs: list[Path]) -> None:
    report = RunReport()
    assert len(list(read_articles(inputs, report, policy=FailurePolicy.SKIP))) == 2
    assert report.skipped == 1 and report.failures == []
    with pytest.raises(ChroniqueError, match="nothing at this path"):
        list(read_articles(inputs[::-1], RunReport(), policy=FailurePolicy.RAISE))


def test_extract_sources_hands_the_extractor_every_article_in_order(inputs: list[Path]) -> None:
    extractor, report = CountingExtractor(), RunReport()
    found = list(extract_sources(inputs, extractor, report, policy=FailurePolicy.RECORD))
    assert [Path(e.article.source or "").name for e in found] == ["a.txt", "b.txt"]
    assert report.articles == 2 and report.skipped == 1


def test_ingest_reads_each_source_once_and_stores_it_once(inputs: list[Path], tmp_path: Path) -> None:
    extractor = CountingExtractor()
    progress: list[int] = []

    def run() -> IngestResult:
        with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 'app.db'}")) as store:
            return ingest(inputs, store, extractor, batch_size=1, progress=lambda r: progress.append(r.done))

    first = run()
    assert len(extractor.seen) == 2  # no first pass: the extractor saw each article exactly once
    assert (first.stored_articles, first.failures, first.report.skipped) == (2, 1, 1)
    assert progress and progress[-1] == 3 and progress == sorted(progress)
    second = run()
    assert len(extractor.seen) == 2  # already stored: nothing is extracted again
    assert (second.stored_articles, second.already_stored, second.done) == (0, 2, 3)


def test_the_store_does_not_load_the_pipeline() -> None:
    import subprocess
    import sys

    code = "import sys, chronique.store.store; print('spacy' in sys.modules, 'chronique.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
