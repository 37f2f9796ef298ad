"""`chronique eval [TASK_OR_PREFIX…]`: score chronique against gold data, write docs/accuracy.md.

Exit codes: 0 every selected task ran or was skipped for absent data; 1 a task failed; 2 an unknown
task name, or no selected task had its data (wrong --shared?).
"""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from chronique.cli.options import (
    DEFAULT_EVENT_CHECK,
    DEFAULT_MIN_CONFIDENCE,
    EventCheckOption,
    MinConfidenceOption,
    RelevanceGateOption,
)
from chronique.cli.train import DEFAULT_CODER, CoderOption, WeightsOption
from chronique.errors import ChroniqueError

if TYPE_CHECKING:
    from chronique.eval.floors import Floor
    from chronique.eval.registry import EvalTask
    from chronique.eval.runner import Outcome
    from chronique.pipeline import Pipeline

HEADLINE = ("precision", "recall", "f1")


class EvalFormat(enum.StrEnum):
    table = "table"
    json = "json"


def _metric(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() and abs(value) > 1 else f"{value:.3f}"


def eval_command(
    tasks: Annotated[list[str] | None, typer.Argument(help="Task names or prefixes (e.g. actors); none = all.")] = None,
    shared: Annotated[Path | None, typer.Option(
        help="The shared folder with eval/ and examples/ (default: $CHRONIQUE_SHARED, else ../shared).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N documents of each task.")] = None,
    write: Annotated[Path | None, typer.Option(help="Update this markdown file (e.g. docs/accuracy.md).")] = None,
    output_format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.table,
    list_tasks: Annotated[bool, typer.Option("--list", help="List the tasks and whether their data is present.")]
    = False,
    coder: CoderOption = DEFAULT_CODER,
    weights: WeightsOption = None,
    relevance_gate: RelevanceGateOption = True,
    min_confidence: MinConfidenceOption = DEFAULT_MIN_CONFIDENCE,
    event_check: EventCheckOption = DEFAULT_EVENT_CHECK,
    check_floors: Annotated[bool, typer.Option(
        "--check-floors", help="Fail (exit 1) when a score is below its floor (chronique/eval/floors.csv); "
        "without task names, runs the tasks that have floors.")] = False,
) -> None:
    """Measure chronique on gold data: precision, recall, F1 per task."""
    from chronique.eval.floors import floor_tasks, load_floors
    from chronique.eval.registry import EvalContext, all_tasks
    from chronique.eval.runner import (
        cached_pipeline,
        cached_stage_pipeline,
        default_shared,
        run_tasks,
        select_tasks,
    )

    shared_dir = shared or default_shared()
    out = Console(file=sys.stdout, width=160)
    err = Console(file=sys.stderr)
    try:
        registry = all_tasks()
        floors = load_floors() if check_floors else []
        selected = select_tasks(registry, tasks or floor_tasks(floors))
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(2) from error

    if list_tasks:
        _print_list(selected, shared_dir, output_format, out)
        return

    def progress(outcome: Outcome) -> None:
        note = f" ({outcome.message})" if outcome.message else ""
        err.print(f"{outcome.task.name}: {outcome.status} in {outcome.seconds:.1f} s{note}", highlight=False)

    ctx = EvalContext(shared=shared_dir, limit=limit, stage_pipeline=cached_stage_pipeline(),
                      pipeline=cached_pipeline(_builder(coder, weights, relevance_gate, min_confidence, event_check)))
    outcomes = run_tasks(selected, ctx, on_outcome=progress)
    _report(outcomes, output_format, out)
    if write is not None:
        _write(write, outcomes, [t.name for t in registry], limit)
        err.print(f"wrote {sum(o.status == 'ok' for o in outcomes)} section(s) to {write}", highlight=False)
    if any(o.status == "failed" for o in outcomes) or (check_floors and _below_floors(floors, outcomes, err)):
        raise typer.Exit(1)
    if outcomes and all(o.status == "skipped" for o in outcomes):
        typer.echo(f"no selected task found its data under {shared_dir}", err=True)
        raise typer.Exit(2)


def _report(outcomes: list[Outcome], output_format: EvalFormat, out: Console) -> None:
    """The scores on standard output, as JSON or as a table."""
    if output_format is EvalFormat.json:
        out.print_json(json.dumps([_outcome_dict(o) for o in outcomes], ensure_ascii=False))
    else:
        _print_table(outcomes, out)


def _builder(coder: str, weights: Path | None, relevance_gate: bool = True,
             min_confidence: float = DEFAULT_MIN_CONFIDENCE,
             event_check: bool = DEFAULT_EVENT_CHECK) -> Callable[[], Pipeline]:
    """Builds the pipeline the tasks share, with the event coder (relevance gate, confidence floor, event
    check) asked for."""
    def build() -> Pipeline:
        from chronique.options import PipelineOptions
        from chronique.pipeline import Pipeline

        return Pipeline(PipelineOptions(coder=coder, coder_weights=weights, relevance_gate=relevance_gate,
                                        min_confidence=min_confidence, event_check=event_check))

    return build


def _below_floors(floors: list[Floor], outcomes: list[Outcome], err: Console) -> bool:
    from chronique.eval.floors import check

    breaches = check(floors, [o.result for o in outcomes if o.result is not None])
    for b in breaches:
        found = "absent" if b.found is None else f"{b.found:.3f}"
        err.print(f"below floor: {b.floor.task} {b.floor.metric} {found} < {b.floor.floor:.3f} "
                  f"(measured {b.floor.measured:.3f} on {b.floor.split})", highlight=False)
    judged = {f.task for f in floors} & {o.task.name for o in outcomes if o.result is not None}
    err.print(f"floors: {len(breaches)} below, {len(judged)} task(s) judged", highlight=False)
    return bool(breaches)


def _outcome_dict(outcome: Outcome) -> dict[str, object]:
    r = outcome.result
    return {"task": outcome.task.name, "status": outcome.status, "message": outcome.message,
            "seconds": round(outcome.seconds, 2), "dataset": r.dataset if r else None, "n": r.n if r else None,
            "metrics": r.metrics if r else {}, "baseline": r.baseline if r else {}, "details": r.details if r else ""}


def _print_table(outcomes: list[Outcome], out: Console) -> None:
    table = Table("task", "status", "n", *HEADLINE, "other metrics", title="chronique eval")
    for o in outcomes:
        metrics = o.result.metrics if o.result else {}
        head = [_metric(metrics[k]) if k in metrics else "—" for k in HEADLINE]
        other = ", ".join(f"{k} {_metric(v)}" for k, v in metrics.items() if k not in HEADLINE)
        table.add_row(o.task.name, o.status, str(o.result.n) if o.result else "—", *head,
                      other or o.message)
    out.print(table)


def _print_list(tasks: list[EvalTask], shared_dir: Path, fmt: EvalFormat, out: Console) -> None:
    rows = [{"task": t.name, "data": t.available(shared_dir), "description": t.description} for t in tasks]
    if fmt is EvalFormat.json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("task", "data", "description", title=f"tasks (data under {shared_dir})")
    for row in rows:
        table.add_row(str(row["task"]), "present" if row["data"] else "absent", str(row["description"]))
    out.print(table)


def _write(path: Path, outcomes: list[Outcome], order: list[str], limit: int | None) -> None:
    from chronique.eval.report_md import merge, render_section
    from chronique.eval.runner import run_info

    info = run_info(limit)
    sections = {o.task.name: render_section(o.result, info, o.task.description)
                for o in outcomes if o.result is not None}
    existing = path.read_text(encoding="utf-8") if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(merge(existing, sections, order), encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command(name="eval")(eval_command)
