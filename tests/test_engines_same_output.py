"""Same input, same output, whatever runs the pipeline: in this process, one local worker, two
local workers, Ray in local mode (streamed to the writer, and through Parquet shards and load)
give identical Extractions and identical stores. The articles are written for this test."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from chronique.app.ingest import ingest
from chronique.app.read import Extractor
from chronique.engines import EngineOptions, LocalEngine, pipeline_factory
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction
from chronique.settings import Settings
from chronique.store.store import Store
from chronique.store.tables import TABLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = {
    "a.txt": "La Norvège a signé jeudi à Oslo un accord de coopération militaire avec la Finlande. "
             "Le ministre norvégien de la Défense a promis de livrer douze obusiers à Helsinki avant l'été.",
    "b.txt": "Russia accused Ukraine on Monday of shelling a power station near Kharkiv, "
             "and said it would respond. Kyiv denied the claim.",
    "c.txt": "Le gouvernement malien a expulsé mardi l'ambassadeur de France, accusé d'ingérence. "
             "Paris a condamné une décision « injustifiée ».",
    "d.txt": "Japan and the Philippines agreed on Friday in Manila to hold joint naval exercises next year. "
             "The defence ministers met for two hours.",
    "e.txt": "Le président sénégalais a reçu lundi à Dakar son homologue ivoirien pour parler de sécurité "
             "régionale. Les deux pays ont promis de partager leurs renseignements.",
    "f.txt": "Germany pledged on Wednesday to send four air-defence systems to Ukraine, the chancellor told "
             "reporters in Berlin. Moscow criticised the move.",
    "g.txt": "Russia accused Ukraine on Monday of shelling a power station near Kharkiv, "
             "and said it would respond. Kyiv denied the claim. (Wire copy)",
    "h.jsonl": '{"text": "ok"\nnot json\n',
}
OPTIONS = PipelineOptions(published="2023-03-02")
ENGINE = EngineOptions(workers=2, chunk_size=2)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("same") / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row (a failure's time of rejection aside), in primary-key order."""
    with Store.open(Settings(database_url=url)) as store, store.engine.connect() as connection:
        tables = {}
        for table in TABLES:
            columns = [c for c in table.columns if c.name != "at"]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns))
            tables[table.name] = [tuple(r) for r in rows]
        return tables


class Recording:
    """An extractor that keeps, as JSON, every Extraction it hands to the store writer."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.seen: list[str] = []

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        for extraction in self.extractor.extract_many(articles, policy=policy, report=report):
            self.seen.append(json.dumps(extraction.to_dict(), sort_keys=True))
            yield extraction


def run(inputs: Path, extractor: Extractor, url: str) -> list[str]:
    """The input ingested into ``url``; the Extractions that were stored, as JSON."""
    recording = Recording(extractor)
    with Store.open(Settings(database_url=url)) as store:
        ingest([inputs], store, recording, policy=FailurePolicy.RECORD, batch_size=3)
    return recording.seen


def test_every_engine_gives_the_same_extractions_and_store(inputs: Path, tmp_path: Path) -> None:
    from chronique.pipeline import Pipeline

    urls = {name: f"sqlite:///{tmp_path / name}.db" for name in ("inline", "one", "two", "ray", "shards")}
    reference = run(inputs, Pipeline(OPTIONS), urls["inline"])
    assert len(reference) == 7 and any('"events": [{' in x for x in reference)
    for name, workers in (("one", 1), ("two", 2)):
        with LocalEngine(pipeline_factory(OPTIONS), EngineOptions(workers=workers, chunk_size=2)) as engine:
            assert run(inputs, engine, urls[name]) == reference, name
    expected = dump(urls["inline"])
    assert expected["articles"] and expected["article_links"] and expected["failures"]
    for name in ("one", "two"):
        assert dump(urls[name]) == expected, name
    if _ray_missing():
        pytest.skip("the ray extra is not installed: local engines checked, Ray not")
    _check_ray(inputs, tmp_path, urls, reference, expected)


def _ray_missing() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return True
    return False


def _check_ray(inputs: Path, tmp_path: Path, urls: dict[str, str], reference: list[str],
               expected: dict[str, list[tuple[Any, ...]]]) -> None:
    import ray

    from chronique.app.load import load_shards
    from chronique.engines.ray_engine import RayEngine
    from chronique.engines.ray_shards import write_shards

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        with RayEngine(pipeline_factory(OPTIONS), ENGINE) as engine:
            assert run(inputs, engine, urls["ray"]) == reference
        write_shards([inputs], tmp_path / "shards", pipeline_factory(OPTIONS), ENGINE, files_per_part=3)
    finally:
        ray.shutdown()
    with Store.open(Settings(database_url=urls["shards"])) as store:
        load_shards(tmp_path / "shards", store, batch_size=3)
    assert dump(urls["ray"]) == expected
    assert dump(urls["shards"]) == expected
