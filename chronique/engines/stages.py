"""Time spent in each pipeline stage (spaCy's own components and chronique's), for the run report.

spaCy has no public hook around its components, so each one is swapped, in the pipeline's list of
components, for a proxy that times it and delegates everything else to it. spaCy chains the
components' ``pipe`` generators; a proxy subtracts the time spent pulling documents from upstream,
so each stage is charged only for its own work. The documents and the results are untouched.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class TimedStage:
    def __init__(self, name: str, proc: Any, clock: dict[str, float]) -> None:
        self.name = name
        self.proc = proc
        self.clock = clock

    def __getattr__(self, attribute: str) -> Any:  # get_error_handler, labels, … of the real component
        return getattr(self.proc, attribute)

    def __call__(self, doc: Doc) -> Doc:
        started = time.perf_counter()
        try:
            return self.proc(doc)
        finally:
            self._charge(time.perf_counter() - started)

    def pipe(self, docs: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        upstream = 0.0

        def pulled() -> Iterator[Doc]:
            nonlocal upstream
            source = iter(docs)
            while True:
                started = time.perf_counter()
                doc = next(source, None)
                upstream += time.perf_counter() - started
                if doc is None:
                    return
                yield doc

        inner = self.proc.pipe(pulled(), **kwargs) if hasattr(self.proc, "pipe") else map(self.proc, pulled())
        results = iter(inner)
        while True:
            started, before = time.perf_counter(), upstream
            doc = next(results, None)
            self._charge(time.perf_counter() - started - (upstream - before))
            if doc is None:
                return
            yield doc

    def _charge(self, seconds: float) -> None:
        self.clock[self.name] = self.clock.get(self.name, 0.0) + seconds


def time_stages(nlp: Language, clock: dict[str, float]) -> None:
    """Time every component of ``nlp`` into ``clock`` (seconds by component name); idempotent."""
    nlp._components = [(name, proc if isinstance(proc, TimedStage) else TimedStage(name, proc, clock))
                       for name, proc in nlp._components]
