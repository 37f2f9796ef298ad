"""Sources into Articles: the one loop that reads inputs and files each rejected one in the run
report under the failure policy (every command reads through it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from chronique.errors import ChroniqueError
from chronique.ingest.sources import read_sources
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction


class Extractor(Protocol):
    """What turns Articles into Extractions (``chronique.Pipeline``; a fake one in tests)."""

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]: ...


Relabel = Callable[[Article | ChroniqueError], Article | ChroniqueError]


def read_articles(paths: Iterable[str | Path], report: RunReport, *, policy: FailurePolicy,
                  fmt: str | None = None, on_reject: Callable[[], None] | None = None,
                  relabel: Relabel | None = None) -> Iterator[Article]:
    """Every article of every input in order; a rejected input goes to ``report`` (or stops the run
    under ``raise``) and then calls ``on_reject`` (a progress bar's tick). ``relabel`` renames an
    item's source first (standard input read through a temporary copy is '<stdin>')."""
    for item in read_sources(paths, fmt=fmt):
        if relabel is not None:
            item = relabel(item)
        if isinstance(item, ChroniqueError):
            report.reject(item, policy)
            if on_reject is not None:
                on_reject()
        else:
            yield item


def extract_sources(paths: Iterable[str | Path], extractor: Extractor, report: RunReport, *,
                    policy: FailurePolicy, fmt: str | None = None,
                    relabel: Relabel | None = None) -> Iterator[Extraction]:
    """Read → extract: the Extractions of every input, in input order (``chronique extract``)."""
    articles = read_articles(paths, report, policy=policy, fmt=fmt, relabel=relabel)
    return extractor.extract_many(articles, policy=policy, report=report)
