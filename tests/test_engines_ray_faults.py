"""Ray on model-free workers: an actor killed mid-task (SIGKILL from outside) loses and duplicates
nothing, streaming or in the shard job; the shard job reads its inputs from object storage (a local
S3: moto's server on loopback) and writes its shards there, and ``load`` reads them back."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chronique.app.load import load_shards
from chronique.engines import EngineOptions
from chronique.engines.shards import read_shards
from chronique.errors import InputError
from chronique.report import FailurePolicy
from chronique.schema import Article
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
import engine_fakes
from engine_fakes import TextWorker
from object_store import LocalS3, local_s3

ray = pytest.importorskip("ray")
pytestmark = [pytest.mark.ray, pytest.mark.slow]
OPTIONS = EngineOptions(workers=2, chunk_size=2)


@pytest.fixture(scope="module")
def s3() -> Iterator[LocalS3 | None]:
    """A local S3 when moto is installed; Ray starts inside it so that its workers get the test keys."""
    import ray.cloudpickle

    ray.cloudpickle.register_pickle_by_value(engine_fakes)  # Ray's workers do not see tests/ on their path
    try:
        import moto.server  # noqa: F401
    except ImportError:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        yield None
    else:
        with local_s3() as server:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            yield server
    ray.shutdown()


def kill_when_waiting(pidfile: Path) -> threading.Thread:
    """A thread that SIGKILLs the worker process once it has written its pid (TextWorker's "wait")."""

    def watch() -> None:
        for _ in range(1200):
            if pidfile.exists() and pidfile.read_text():
                os.kill(int(pidfile.read_text()), signal.SIGKILL)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=watch)
    killer.start()
    return killer


def test_an_actor_killed_mid_chunk_is_restarted_and_its_chunk_run_again(s3: LocalS3 | None, tmp_path: Path) -> None:
    from chronique.engines.ray_engine import RayEngine

    texts = [f"Cable {i}: the envoys of Ostria and Valdoria met at the border." for i in range(9)]
    texts.insert(4, "please wait for the envoys")
    given = [Article.create(t, source=f"c{i}.txt") for i, t in enumerate(texts)]
    pidfile = tmp_path / "actor.pid"
    killer = kill_when_waiting(pidfile)
    with RayEngine(partial(TextWorker, pidfile=str(pidfile)), OPTIONS) as engine:
        found = list(engine.extract_many(given, policy=FailurePolicy.RECORD))
    killer.join()
    assert pidfile.read_text()  # the actor did wait, and was killed
    assert [x.article.id for x in found] == [a.id for a in given]


def test_a_shard_job_whose_actor_is_killed_writes_each_article_once(s3: LocalS3 | None, tmp_path: Path) -> None:
    from chronique.engines.ray_shards import write_shards

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        text = "Please wait: Norland delayed its reply." if i == 3 else f"Note {i}: Norland answered Ostria."
        (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    pidfile = tmp_path / "part.pid"
    killer = kill_when_waiting(pidfile)
    job = write_shards([folder], tmp_path / "shards", partial(TextWorker, pidfile=str(pidfile)), OPTIONS,
                       files_per_part=2)
    killer.join()
    assert pidfile.read_text()
    rows = list(read_shards(tmp_path / "shards"))
    assert [(r.input, r.item) for r in rows] == [(i, 0) for i in range(6)]
    assert [Path(r.extraction.article.source or "").name for r in rows if r.extraction] == [
        f"{i}.txt" for i in range(6)]
    assert (job.parts, job.articles, job.failures) == (3, 6, 0)


def test_a_shard_job_from_and_to_object_storage(s3: LocalS3 | None, tmp_path: Path) -> None:
    from chronique.engines.ray_shards import write_shards

    if s3 is None:
        pytest.skip("moto[server] is not installed: no local S3 to read from")
    lines = [json.dumps({"text": f"Wire {i}: Valdoria recalled its envoy.", "language": "en"}) for i in range(3)]
    s3.put("crawl/day1/wire.jsonl", "\n".join(lines).encode() + b"\n")
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table({"text": ["Ostria signed a treaty with Norland.", ""], "lang": ["en", "en"]}), sink)
    s3.put("crawl/day2/rows.parquet", sink.getvalue().to_pybytes())
    s3.fs().create_dir("crawl-out")
    shards = s3.url("crawl-out/run1")
    first = write_shards([s3.url("crawl/")], shards, partial(TextWorker), OPTIONS, files_per_part=1)
    assert (first.parts, first.articles, first.failures) == (2, 4, 1)
    again = write_shards([s3.url("crawl/")], shards, partial(TextWorker), OPTIONS, files_per_part=1)
    assert (again.skipped, again.articles) == (2, 0)
    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 's.db'}")) as store:
        loaded = load_shards(shards, store, batch_size=2)
        assert (loaded.stored_articles, loaded.failures) == (4, 1) and store.counts()["articles"] == 4
    sources = [(r.extraction.article.source or "").split("?")[0] for r in read_shards(shards) if r.extraction]
    assert sources == ["s3://crawl/day1/wire.jsonl"] * 3 + ["s3://crawl/day2/rows.parquet"]


def test_shards_to_a_bucket_that_does_not_exist_stop_before_any_work(s3: LocalS3 | None, tmp_path: Path) -> None:
    from chronique.engines.ray_shards import write_shards

    if s3 is None:
        pytest.skip("moto[server] is not installed: no local S3 to write to")
    (tmp_path / "a.txt").write_text("Norland closed its embassy.\n", encoding="utf-8")
    with pytest.raises(InputError, match="shards can be written"):
        write_shards([tmp_path / "a.txt"], s3.url("no-such-bucket/run"), partial(TextWorker), OPTIONS)
