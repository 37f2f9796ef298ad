"""Engines: where extraction runs. ``local`` is a process pool on this machine (the default),
``ray`` a Ray cluster (the optional extra ``chronique[ray]``). Both give the Extractions of
``chronique.Pipeline`` in input order; the store keeps one writer."""

from __future__ import annotations

from functools import partial

from chronique.errors import ConfigError
from chronique.options import PipelineOptions

from .base import ENGINE_NAMES, Engine, EngineOptions, EngineStats
from .local import LocalEngine
from .work import PipelineWorker, WorkerFactory

__all__ = ["ENGINE_NAMES", "Engine", "EngineOptions", "EngineStats", "LocalEngine", "make_engine", "pipeline_factory",
           "ray_missing"]


def pipeline_factory(options: PipelineOptions) -> WorkerFactory:
    """A picklable recipe each worker runs once to load its pipeline."""
    return partial(PipelineWorker, options)


def ray_missing(error: ImportError) -> ConfigError:
    return ConfigError(f"expected Ray, from the extra chronique[ray] (pip install 'chronique[ray]'), "
                       f"found it missing ({error})", where="--engine ray")


def make_engine(name: str, options: EngineOptions, factory: WorkerFactory) -> Engine:
    if name == "local":
        return LocalEngine(factory, options)
    if name == "ray":
        try:
            from .ray_engine import RayEngine  # imports ray, an optional extra
        except ImportError as error:
            raise ray_missing(error) from error
        return RayEngine(factory, options)
    raise ConfigError(f"expected an engine among {', '.join(ENGINE_NAMES)}, found {name!r}", where="--engine")
