"""The Ray engine on model-free workers (one local Ray for the module): input order and failure
rows, and a Ray Data job writing Parquet shards that resumes and loads like ingest."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from chronique.app.load import load_shards
from chronique.engines import EngineOptions
from chronique.engines.shards import read_shards, shard_name
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
import engine_fakes
from engine_fakes import TextWorker

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    import ray.cloudpickle

    ray.cloudpickle.register_pickle_by_value(engine_fakes)  # Ray's workers do not see tests/ on their path
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


OPTIONS = EngineOptions(workers=2, chunk_size=2)


def test_ray_gives_extractions_in_input_order_and_failures() -> None:
    from chronique.engines.ray_engine import RayEngine

    texts = [f"Note {i}: Valdoria and Norland agreed to talks." for i in range(7)] + ["empty note", "a crash"]
    given = [Article.create(t, source=f"n{i}.txt") for i, t in enumerate(texts)]
    report = RunReport()
    with RayEngine(partial(TextWorker), OPTIONS) as engine:
        found = list(engine.extract_many(given, policy=FailurePolicy.RECORD, report=report))
    assert [x.article.id for x in found] == [a.id for a in given[:7]]
    assert sorted(f.code for f in report.failures) == ["EMPTY_INPUT", "EXTRACTION_FAILED"]


def test_shards_resume_and_load_like_ingest(tmp_path: Path) -> None:
    from chronique.engines.ray_shards import write_shards

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Brief {i}: Ostria closed its border with Valdoria.\n", encoding="utf-8")
    (folder / "5.txt").write_text("an empty brief\n", encoding="utf-8")
    out = tmp_path / "shards"
    first = write_shards([folder, tmp_path / "nowhere.txt"], out, partial(TextWorker), OPTIONS, files_per_part=2)
    assert (first.parts, first.skipped, first.articles, first.failures) == (4, 0, 5, 2)
    (out / shard_name(1)).unlink()  # as if the job had stopped before this part
    again = write_shards([folder, tmp_path / "nowhere.txt"], out, partial(TextWorker), OPTIONS, files_per_part=2)
    assert (again.skipped, again.articles) == (3, 2)
    rows = list(read_shards(out))
    assert [(r.input, r.item) for r in rows] == [(i, 0) for i in range(7)]
    names = [Path(r.extraction.article.source or "").name for r in rows if r.extraction]
    assert names == [f"{i}.txt" for i in range(5)]
    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as store:
        loaded = load_shards(out, store, batch_size=2)
        assert (loaded.stored_articles, loaded.failures) == (5, 2)
        assert load_shards(out, store).stored_articles == 0 and store.counts()["articles"] == 5


def test_a_parquet_file_of_many_row_groups_is_many_parts_with_the_rows_of_one(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from chronique.engines.ray_shards import write_shards

    texts = [f"Wire {i}: Norland and Valdoria signed a trade accord." for i in range(14)]
    texts[5] = "an empty wire"  # rejected by the worker, in its place
    pq.write_table(pa.table({"text": texts}), tmp_path / "wire.parquet", row_group_size=3)
    (tmp_path / "after.txt").write_text("Ostria recalled its envoy.\n", encoding="utf-8")
    inputs = [tmp_path / "wire.parquet", tmp_path / "after.txt"]
    split = write_shards(inputs, tmp_path / "split", partial(TextWorker), OPTIONS, rows_per_piece=4)
    whole = write_shards(inputs, tmp_path / "whole", partial(TextWorker), OPTIONS, rows_per_piece=1000)
    assert (split.parts, whole.parts) == (6, 1)  # five runs of row groups, then the text file
    assert (split.articles, split.failures) == (whole.articles, whole.failures) == (14, 1)

    def rows(folder: Path) -> list[tuple[int, int, str | None, str | None]]:
        return [(r.input, r.item, r.extraction.article.source if r.extraction else None,
                 r.failure.record if r.failure else None) for r in read_shards(folder)]

    assert rows(tmp_path / "split") == rows(tmp_path / "whole")
    assert len(list((tmp_path / "split").glob("part-*.parquet"))) == 6
