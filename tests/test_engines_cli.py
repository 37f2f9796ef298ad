"""Engine choice on the command line and the run's measures, without a model: bad options are
refused before any worker starts; load refuses what is not a shard folder; the meter's ETA."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.engines import EngineOptions, EngineStats
from chronique.engines.meter import Metered, input_bytes
from chronique.errors import ConfigError
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction

runner = CliRunner()


@pytest.mark.parametrize(("args", "said"), [
    (["--engine", "spark"], "expected an engine among local, ray, found 'spark'"),
    (["--address", "auto"], "expected --engine ray with --address, found --engine local"),
    (["--workers", "0"], "expected --workers of at least 1, found 0"),
    (["--published", "2022-13-01"], "found '2022-13-01'"),
])
def test_bad_engine_options_are_refused_with_what_was_expected(tmp_path: Path, args: list[str], said: str) -> None:
    (tmp_path / "a.txt").write_text("Valdoria closed its embassy in Norland.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path / 'x.db'}",
                                 "--no-progress", *args])
    assert result.exit_code != 0 and said in result.output


@pytest.mark.parametrize("shards", [False, True])
def test_the_ray_engine_without_ray_says_which_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               shards: bool) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    for module in ("chronique.engines.ray_engine", "chronique.engines.ray_shards"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    (tmp_path / "a.txt").write_text("Valdoria closed its embassy in Norland.\n", encoding="utf-8")
    extra = ["--shards", str(tmp_path / "out")] if shards else []
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path / 'x.db'}",
                                 "--engine", "ray", "--no-progress", *extra])
    assert result.exit_code == 2 and "expected Ray, from the extra chronique[ray]" in result.output


def test_load_refuses_a_folder_without_shards(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 3 and "expected Parquet shards named part-*.parquet, found none" in result.output


def test_load_stores_shards_once_and_lists_their_failures(tmp_path: Path) -> None:
    from chronique.engines.shards import ShardRow, shard_name, write_shard
    from chronique.report import Failure

    folder = tmp_path / "shards"
    folder.mkdir()
    texts = ["Norland and Ostria signed a fishing accord.", "Valdoria expelled two Norland diplomats."]
    failure = Failure("in/bad.jsonl", "2", "BAD_FORMAT", "expected JSON, found text", "2026-12-07T00:00:00+00:00")
    write_shard(folder / shard_name(1), [ShardRow(2, 0, Extraction(article=Article.create(texts[1], source="b")))])
    write_shard(folder / shard_name(0), [ShardRow(0, 0, Extraction(article=Article.create(texts[0], source="a"))),
                                         ShardRow(1, 0, failure=failure)])
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = runner.invoke(app, ["load", str(folder), "--db", url])
    assert first.exit_code == 1 and "2 article(s) stored" in first.output
    assert "rejected [BAD_FORMAT] in/bad.jsonl record 2: expected JSON, found text" in first.output
    again = runner.invoke(app, ["load", str(folder), "--db", url])
    assert "0 article(s) stored" in again.output and "2 already stored" in again.output
    by_url = runner.invoke(app, ["load", f"file://{folder}", "--db", f"sqlite:///{tmp_path / 'y.db'}"])
    assert by_url.exit_code == 1 and "2 article(s) stored" in by_url.output


def test_load_names_a_url_that_is_no_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", f"file://{tmp_path}/absent", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 3 and f"file://{tmp_path}/absent" in result.output and "found no folder" in result.output


def test_engine_options_default_to_every_core() -> None:
    assert EngineOptions().n_workers >= 1 and EngineOptions(workers=3).n_workers == 3
    with pytest.raises(ConfigError, match="chunk size"):
        EngineOptions(chunk_size=0)


class InlineEngine:
    name = "inline"

    def __init__(self) -> None:
        self.stats = EngineStats(seconds={"annotate": 1.5})

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        for article in articles:
            yield Extraction(article=article)

    def close(self) -> None:
        pass


def test_the_meter_gives_an_eta_once_an_input_file_is_done(tmp_path: Path) -> None:
    for name, words in (("a.txt", 30), ("b.txt", 90)):
        (tmp_path / name).write_text("mot " * words, encoding="utf-8")
    sizes = input_bytes([tmp_path, tmp_path / "absent.txt"])
    assert sorted(Path(p).name for p in sizes) == ["a.txt", "b.txt"] and sum(sizes.values()) == 480
    metered = Metered(InlineEngine(), sizes)
    given = [Article.create("mot " * 30, source=str(tmp_path / "a.txt")),
             Article.create("mot " * 90, source=str(tmp_path / "b.txt"))]
    stream = metered.extract_many(given)
    next(stream)
    assert metered.snapshot(1, 0).eta is None  # still inside the first file
    next(stream)
    now = metered.snapshot(2, 1)
    assert now.eta is not None and now.eta > 0 and now.failures == 1 and now.rate > 0
    times = metered.finish()
    assert times.workers == {"annotate": 1.5} and times.wall >= times.read


def test_the_eta_moves_inside_one_file_of_many_records(tmp_path: Path) -> None:
    lines = [f'{{"text": "Bulletin {i}: Ostria and Norland reopened their embassies."}}' for i in range(4)]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sizes = input_bytes([f"file://{tmp_path}/", tmp_path / "wire.jsonl"])
    assert sizes[f"file://{tmp_path}/wire.jsonl"] == sizes[str(tmp_path / "wire.jsonl")] > 0
    metered = Metered(InlineEngine(), {str(tmp_path / "wire.jsonl"): sizes[str(tmp_path / "wire.jsonl")]})
    given = [Article.create(f"Bulletin {i}: Ostria and Norland reopened their embassies.",
                            source=f"{tmp_path / 'wire.jsonl'}#record {i + 1}") for i in range(4)]
    metered.started -= 100  # as if the run had begun long ago: the ETA follows the bytes done, not the clock
    stream = metered.extract_many(given)
    next(stream)
    next(stream)
    first = metered.snapshot(2, 0).eta
    next(stream)
    second = metered.snapshot(3, 0).eta
    assert first is not None and second is not None and second < first  # without waiting for the file's end


def test_shards_on_the_local_engine_then_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from functools import partial

    monkeypatch.syspath_prepend(str(Path(__file__).parent))  # spawned workers inherit it
    from engine_fakes import TextWorker

    monkeypatch.setattr("chronique.engines.pipeline_factory", lambda options: partial(TextWorker))
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Brief {i}: Norland closed its embassy in Ostria.\n", encoding="utf-8")
    out = tmp_path / "shards"
    first = runner.invoke(app, ["ingest", str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), str(tmp_path / "2.txt"),
                                "--shards", str(out), "--workers", "2", "--no-progress"])
    assert first.exit_code == 0 and "1 shard(s) written" in first.output and "3 article(s)" in first.output
    loaded = runner.invoke(app, ["load", str(out), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert loaded.exit_code == 0 and "3 article(s) stored" in loaded.output
