"""The evaluation gate: minimum scores per task (floors.csv), checked by `chronique eval --check-floors`.

A floor is a measured value less a small margin, written from the default coder's numbers; it is
raised when the work improves and never lowered to let a change pass.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

from chronique.errors import KnowledgeError
from chronique.eval.registry import EvalResult

FLOORS_FILE = "floors.csv"
COLUMNS = ("task", "metric", "floor", "measured", "split")


@dataclass(frozen=True)
class Floor:
    task: str
    metric: str
    floor: float
    measured: float  # the value the floor was set from
    split: str  # which data the task scores (dev, example)


@dataclass(frozen=True)
class Breach:
    floor: Floor
    found: float | None  # None: the task gave no such metric


def parse_floors(text: str, where: str = FLOORS_FILE) -> list[Floor]:
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or set(COLUMNS) - set(rows[0]):
        raise KnowledgeError(f"expected the columns {list(COLUMNS)}, found {list(rows[0]) if rows else 'no rows'}",
                             where=where)
    out = []
    for line, row in enumerate(rows, start=2):
        try:
            floor, measured = float(row["floor"]), float(row["measured"])
        except (TypeError, ValueError) as exc:
            raise KnowledgeError(f"expected numbers in floor and measured, found {row['floor']!r}, "
                                 f"{row['measured']!r}", where=f"{where}:{line}") from exc
        if floor > measured:
            raise KnowledgeError(f"expected a floor at or below its measured value, found {floor} > {measured}",
                                 where=f"{where}:{line}")
        out.append(Floor(row["task"], row["metric"], floor, measured, row["split"]))
    return out


def load_floors() -> list[Floor]:
    text = resources.files("chronique.eval").joinpath(FLOORS_FILE).read_text(encoding="utf-8")
    return parse_floors(text)


def floor_tasks(floors: list[Floor]) -> list[str]:
    return list(dict.fromkeys(f.task for f in floors))


def check(floors: list[Floor], results: list[EvalResult]) -> list[Breach]:
    """The floors that the results fall below (a task that did not run is not judged here)."""
    by_task = {r.task: r for r in results}
    out = []
    for f in floors:
        result = by_task.get(f.task)
        if result is None:
            continue
        found = result.metrics.get(f.metric)
        if found is None or found < f.floor:
            out.append(Breach(f, found))
    return out
