"""Walking inputs into Articles (minimal text-only version until the ingest work lands)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from chronique.errors import ChroniqueError, EncodingError
from chronique.schema import Article


def read_sources(paths: Iterable[str | Path], *, fmt: str | None = None) -> Iterator[Article | ChroniqueError]:
    """Every article of every input, in order; a rejected input is yielded as its error."""
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            yield EncodingError(f"expected UTF-8 text, found undecodable bytes ({exc.reason})",
                                where=str(path), offset=exc.start)
            continue
        yield Article.create(text, source=str(path))
