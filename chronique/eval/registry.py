"""The evaluation registry: tasks that score chronique against gold data in ../shared/eval.

Each scoring module exposes ``TASKS: tuple[EvalTask, ...]``; ``EVAL_MODULES`` names them, so a
new measure is one new module and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chronique.pipeline import Pipeline

EVAL_MODULES: tuple[str, ...] = (
    "chronique.eval.actors",
    "chronique.eval.places",
    "chronique.eval.places_fr",
    "chronique.eval.places_judged",
    "chronique.eval.dates",
    "chronique.eval.events",
    "chronique.eval.arms",
    "chronique.eval.pages",
)


@dataclass(frozen=True)
class EvalResult:
    task: str  # e.g. "actors/europeana-fr"
    dataset: str  # path of the gold data, relative to the shared folder
    n: int  # number of gold items scored (mentions, toponyms, events…)
    metrics: dict[str, float]  # e.g. {"precision": 0.81, "recall": 0.74, "f1": 0.77}
    details: str = ""  # markdown: per-class tables, confusion matrix, notes
    baseline: dict[str, float] = field(default_factory=dict)  # published figures to compare with


@dataclass(frozen=True)
class EvalContext:
    shared: Path  # the ../shared folder
    pipeline: Callable[[], Pipeline]  # builds (or returns the cached) pipeline
    limit: int | None = None  # score only the first N documents (quick runs)
    # builds (or returns the cached) pipeline that runs only some stages; None: use ``pipeline``
    stage_pipeline: Callable[[tuple[str, ...]], Pipeline] | None = None

    def pipeline_with(self, stages: tuple[str, ...]) -> Pipeline:
        """A pipeline running only ``stages`` (e.g. ("actors",)): a task that scores one stage is
        neither slowed nor broken by the stages after it."""
        return self.stage_pipeline(stages) if self.stage_pipeline is not None else self.pipeline()


@dataclass(frozen=True)
class EvalTask:
    name: str
    description: str
    needs: tuple[str, ...]  # paths under shared/ that must exist; the task is skipped otherwise
    run: Callable[[EvalContext], EvalResult]

    def available(self, shared: Path) -> bool:
        return all((shared / p).exists() for p in self.needs)


def all_tasks() -> list[EvalTask]:
    """Every registered task; a module not written yet is skipped."""
    tasks: list[EvalTask] = []
    for name in EVAL_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        tasks.extend(getattr(module, "TASKS", ()))
    return tasks
