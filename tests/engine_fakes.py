"""Model-free workers for the engine tests: importable by name, so spawned worker processes (and
Ray, given the module by value) can rebuild them. Each article's fate is written in its text."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from chronique.errors import EmptyInputError, ModelError
from chronique.schema import Article, Extraction


class TextWorker:
    """Extractions carrying only their article. "empty" in a text is rejected by prepare, "crash"
    raises in annotate, "die" kills the worker process (only while ``marker`` is absent, when given),
    "wait" writes the worker's pid to ``pidfile`` and sleeps until ``pidfile`` is removed."""

    def __init__(self, marker: str | None = None, pidfile: str | None = None) -> None:
        self.marker = Path(marker) if marker else None
        self.pidfile = Path(pidfile) if pidfile else None

    def prepare(self, article: Article) -> Article:
        if "empty" in article.text:
            raise EmptyInputError("expected article text, found a placeholder", where=article.source)
        return replace(article, language="en")

    def annotate(self, articles: Sequence[Article]) -> list[Extraction]:
        for article in articles:
            if "crash" in article.text:
                raise RuntimeError("a stage fell over")
            if "die" in article.text and (self.marker is None or not self.marker.exists()):
                if self.marker is not None:
                    self.marker.touch()
                os.kill(os.getpid(), signal.SIGKILL)
            if "wait" in article.text and self.pidfile is not None and not self.pidfile.exists():
                self.pidfile.write_text(str(os.getpid()))
                time.sleep(60)  # until the test kills this process
        return [Extraction(article=a) for a in articles]

    def stage_seconds(self) -> dict[str, float]:
        return {}


def failing_factory() -> TextWorker:
    raise ModelError("expected an installed spaCy model, found none")
