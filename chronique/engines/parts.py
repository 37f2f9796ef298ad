"""A shard job whatever the engine: inputs planned into numbered parts (ingest/pieces.py), and what
one worker does with a part: read its pieces, extract, write the part's shard (shards.py).

A part whose shard exists is done: a resumed job skips it, and a part run twice (its worker died
after writing) writes the same shard again, so no article is lost or stored twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from chronique.errors import ChroniqueError
from chronique.ingest.pieces import ROWS_PER_PIECE, Piece, plan_parts
from chronique.ingest.remote import expand, is_url
from chronique.ingest.sources import walk
from chronique.report import Failure
from chronique.schema import Article

from .shards import ShardFolder, ShardRow
from .work import ArticleWorker, run_chunk


@dataclass
class PartDone:
    part: int
    articles: int = 0
    events: int = 0
    failures: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # worker time per step


@dataclass
class ShardJob:
    parts: int = 0  # parts of the job
    skipped: int = 0  # parts whose shard was already there (a resumed job)
    articles: int = 0
    events: int = 0
    failures: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # worker time per step
    dead_workers: int = 0  # the local engine's worker processes that died (Ray counts its own)

    def add(self, done: PartDone) -> None:
        self.articles += done.articles
        self.events += done.events
        self.failures += done.failures
        for step, spent in done.seconds.items():
            self.seconds[step] = self.seconds.get(step, 0.0) + spent


def list_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Every input file in order; a directory (or a URL's prefix) is listed here so that its files
    spread over parts. A missing path or an empty folder stays as it is and fails in its part."""
    found: list[str] = []
    for given in paths:
        if is_url(given):
            found += expand(str(given))
            continue
        path = Path(given)
        files = list(walk(path)) if path.is_dir() else []
        found += [str(f) for f in files] or [str(path)]
    return found


def plan_job(paths: Iterable[str | Path], shards: ShardFolder, fmt: str | None, files_per_part: int,
             rows_per_piece: int = ROWS_PER_PIECE) -> tuple[ShardJob, dict[int, list[Piece]]]:
    """The job's count of parts, and the parts still to do (their shard missing), by number."""
    parts = plan_parts(list_inputs(paths), fmt, files_per_part=files_per_part, rows_per_piece=rows_per_piece)
    todo = {k: pieces for k, pieces in enumerate(parts) if not shards.has(k)}
    return ShardJob(parts=len(parts), skipped=len(parts) - len(todo)), todo


def pieces_json(pieces: list[Piece]) -> str:
    return json.dumps([asdict(piece) for piece in pieces])


def pieces_from_json(text: str) -> list[Piece]:
    given: list[dict[str, Any]] = json.loads(text)
    return [Piece(p["input"], p["name"], tuple(p["groups"]) if p["groups"] else None,  # type: ignore[arg-type]
                  p["first_item"]) for p in given]


def write_part(worker: ArticleWorker, folder: ShardFolder, part: int, pieces: list[Piece], fmt: str | None,
               chunk_size: int) -> PartDone:
    """Extract one part's articles and write its shard; the counts for the job's summary."""
    rows: list[ShardRow] = []
    done = PartDone(part)
    for piece in pieces:
        articles: list[tuple[int, Article]] = []
        for item, found in piece.items(fmt):
            if isinstance(found, ChroniqueError):
                rows.append(ShardRow(piece.input, item, failure=Failure.from_error(found)))
            else:
                articles.append((item, found))
        for start in range(0, len(articles), chunk_size):
            pairs = articles[start:start + chunk_size]
            result = run_chunk(worker, [a for _, a in pairs])
            for step, spent in result.seconds.items():
                done.seconds[step] = done.seconds.get(step, 0.0) + spent
            for (item, _), outcome in zip(pairs, result.outcomes, strict=True):
                failure = None if outcome.rejection is None else Failure.from_error(
                    outcome.rejection.error(), source=outcome.rejection.source)
                rows.append(ShardRow(piece.input, item, outcome.extraction, failure))
    folder.write(part, rows)
    done.articles = sum(r.extraction is not None for r in rows)
    done.events = sum(len(r.extraction.events) for r in rows if r.extraction is not None)
    done.failures = sum(r.failure is not None for r in rows)
    return done
