"""Selecting and running evaluation tasks (the library side of ``chronique eval``)."""

from __future__ import annotations

import os
import subprocess
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from chronique import __version__
from chronique.errors import ConfigError
from chronique.eval.registry import EvalContext, EvalResult, EvalTask

if TYPE_CHECKING:
    from chronique.pipeline import Pipeline

SHARED_ENV = "CHRONIQUE_SHARED"
Status = Literal["ok", "skipped", "failed"]


@dataclass(frozen=True)
class Outcome:
    """What running one task gave: a result, or why there is none."""

    task: EvalTask
    status: Status
    result: EvalResult | None = None
    message: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class RunInfo:
    """Provenance stamped on every section of docs/accuracy.md."""

    day: str
    version: str
    commit: str | None
    limit: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def default_shared(cwd: Path | None = None) -> Path:
    """$CHRONIQUE_SHARED, else ../shared relative to the working directory."""
    env = os.environ.get(SHARED_ENV)
    return Path(env) if env else (cwd or Path.cwd()).parent / "shared"


def select_tasks(tasks: Sequence[EvalTask], patterns: Sequence[str]) -> list[EvalTask]:
    """Tasks named exactly, or under a prefix ("actors" or "actors/" → every actors/… task), in
    registry order; no pattern selects all."""
    if not patterns:
        return list(tasks)
    chosen: set[str] = set()
    for pattern in patterns:
        prefix = pattern.rstrip("/") + "/"
        matched = [t.name for t in tasks if t.name == pattern or t.name.startswith(prefix)]
        if not matched:
            known = ", ".join(t.name for t in tasks) or "none"
            raise ConfigError(f"expected a task name or prefix, found {pattern!r}; known tasks: {known}",
                              where="chronique eval")
        chosen.update(matched)
    return [t for t in tasks if t.name in chosen]


def cached_pipeline(factory: Callable[[], Pipeline] | None = None) -> Callable[[], Pipeline]:
    """A zero-argument builder that creates the pipeline on first use only (tasks that need no
    model never load one)."""

    @cache
    def build() -> Pipeline:
        if factory is not None:
            return factory()
        from chronique.pipeline import Pipeline

        return Pipeline()

    return build


def cached_stage_pipeline() -> Callable[[tuple[str, ...]], Pipeline]:
    """Pipelines restricted to some stages, one per stage tuple, built on first use."""

    @cache
    def build(stages: tuple[str, ...]) -> Pipeline:
        from chronique.options import PipelineOptions
        from chronique.pipeline import Pipeline

        return Pipeline(PipelineOptions(stages=stages))

    return build


def run_tasks(tasks: Sequence[EvalTask], ctx: EvalContext,
              on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run each task; missing data skips it, an exception fails it, and the others still run."""
    outcomes: list[Outcome] = []
    for task in tasks:
        if not task.available(ctx.shared):
            missing = [p for p in task.needs if not (ctx.shared / p).exists()]
            outcome = Outcome(task, "skipped", message=f"data absent under {ctx.shared}: {', '.join(missing)}")
        else:
            started = time.perf_counter()
            try:
                outcome = Outcome(task, "ok", result=task.run(ctx), seconds=time.perf_counter() - started)
            except Exception as error:  # a broken task must not hide the others' numbers
                where = traceback.extract_tb(error.__traceback__)[-1]
                outcome = Outcome(task, "failed", seconds=time.perf_counter() - started,
                                  message=f"{type(error).__name__}: {error} ({Path(where.filename).name}:"
                                          f"{where.lineno})")
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes


def git_commit(root: Path | None = None) -> str | None:
    """The short commit of the working tree, with "+dirty" when it has changes; None outside git."""
    cwd = root or Path(__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=cwd, capture_output=True,
                                text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=cwd,
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{commit}+dirty" if dirty else commit or None


def run_info(limit: int | None = None) -> RunInfo:
    return RunInfo(day=date.today().isoformat(), version=__version__, commit=git_commit(), limit=limit)


def command_for(task: str, limit: int | None) -> str:
    """The command that reproduces one task's section."""
    return f"chronique eval {task}" + (f" --limit {limit}" if limit is not None else "")
