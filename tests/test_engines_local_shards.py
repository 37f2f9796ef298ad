"""The shard job on the local engine, with model-free workers: parts of whole files and of a big
Parquet file's row groups, shards in input order that load like ingest, a resumed job, a worker
killed mid-part, and a part that kills every worker it is given."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chronique.app.load import load_shards
from chronique.engines import EngineOptions
from chronique.engines.local_shards import write_shards_local
from chronique.engines.shards import read_shards, shard_name
from chronique.engines.work import ExtractionFailedError
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from engine_fakes import TextWorker

OPTIONS = EngineOptions(workers=2, chunk_size=2, retries=1)


def inputs(folder: Path, *, odd: str | None = None) -> Path:
    """Two briefs, a Parquet wire of 11 rows in row groups of 3, and a last brief."""
    folder.mkdir()
    (folder / "a.txt").write_text("Brief a: Ostria closed its border with Valdoria.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Brief b: Norland recalled its envoy.\n", encoding="utf-8")
    texts = [f"Wire {i}: Valdoria and Norland signed an accord." for i in range(11)]
    texts[4] = "an empty wire"
    if odd is not None:
        texts[7] = odd
    pq.write_table(pa.table({"text": texts}), folder / "c.parquet", row_group_size=3)
    (folder / "d.txt").write_text("Brief d: Ostria sent grain to Norland.\n", encoding="utf-8")
    return folder


def sources(folder: Path) -> list[tuple[int, int, str]]:
    return [(r.input, r.item, (r.extraction.article.source if r.extraction else r.failure and r.failure.source) or "")
            for r in read_shards(folder)]


def test_parts_of_files_and_row_groups_give_shards_in_input_order_that_load(tmp_path: Path) -> None:
    given = inputs(tmp_path / "in")
    out = tmp_path / "shards"
    job = write_shards_local([given], out, partial(TextWorker), OPTIONS, files_per_part=2, rows_per_piece=3)
    assert (job.parts, job.skipped, job.articles, job.failures) == (6, 0, 13, 1)  # a+b, four row groups, d
    rows = sources(out)
    wire = [f"{given / 'c.parquet'}#record {n}" for n in range(1, 12)]
    assert [s for _, _, s in rows] == [str(given / "a.txt"), str(given / "b.txt"), *wire, str(given / "d.txt")]
    assert [(i, n) for i, n, _ in rows] == [(0, 0), (1, 0), *[(2, n) for n in range(11)], (3, 0)]
    (out / shard_name(3)).unlink()  # as if the job had stopped before this part
    again = write_shards_local([given], out, partial(TextWorker), OPTIONS, files_per_part=2, rows_per_piece=3)
    assert (again.skipped, again.articles, again.failures) == (5, 3, 0)
    assert sources(out) == rows
    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as store:
        loaded = load_shards(out, store, batch_size=4)
        assert (loaded.stored_articles, loaded.failures) == (13, 1)


def test_a_worker_killed_mid_part_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    given = inputs(tmp_path / "in", odd="Wire 7: the envoys die down their talks.")
    marker = tmp_path / "died-once"
    job = write_shards_local([given], tmp_path / "shards", partial(TextWorker, marker=str(marker)), OPTIONS,
                             files_per_part=2, rows_per_piece=3)
    assert marker.exists() and job.dead_workers >= 1
    assert (job.articles, job.failures) == (13, 1)
    rows = sources(tmp_path / "shards")
    assert len(rows) == len(set(rows)) == 14


def test_a_part_that_kills_every_worker_stops_the_job_with_the_parts_left(tmp_path: Path) -> None:
    given = inputs(tmp_path / "in", odd="Wire 7: the envoys die down their talks.")
    with pytest.raises(ExtractionFailedError, match="died 2 times in a row"):
        write_shards_local([given], tmp_path / "shards", partial(TextWorker), OPTIONS, files_per_part=2,
                           rows_per_piece=3)
    written = sorted(p.name for p in (tmp_path / "shards").glob("part-*.parquet"))
    assert shard_name(3) not in written  # the part of row groups 6-8 (rows 7-9)
