"""docs/accuracy.md: one section per task, replaced only for the tasks that ran.

Sections are delimited by HTML comments (``<!-- eval:begin TASK -->`` … ``<!-- eval:end TASK -->``)
so a later run of one task rewrites its section and leaves the others' numbers alone. Sections are
kept in registry order; sections of tasks no longer registered stay, after the others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from chronique.eval.registry import EvalResult
from chronique.eval.runner import RunInfo, command_for
from chronique.eval.scoring import fmt, markdown_table

PREAMBLE = """# Accuracy

What chronique gets right, measured by `chronique eval` on gold data kept outside the project
(../shared/eval; see its README for sources and licences). Each section below is written by
`chronique eval TASK --write docs/accuracy.md` and replaced only when that task runs again, so
the sections may come from different dates and commits: each says which. Development sets are
for development; held-back data decides what counts.
"""

BEGIN = "<!-- eval:begin {} -->"
END = "<!-- eval:end {} -->"
SECTION = re.compile(r"<!-- eval:begin (?P<task>\S+) -->\n.*?<!-- eval:end (?P=task) -->\n?", re.DOTALL)


def render_section(result: EvalResult, info: RunInfo, description: str = "") -> str:
    commit = info.commit or "unknown"
    lines = [
        BEGIN.format(result.task),
        f"## {result.task}",
        "",
        *( [description, ""] if description else [] ),
        f"- dataset: `{result.dataset}`",
        f"- command: `{command_for(result.task, info.limit)}`",
        f"- measured: {info.day}, chronique {info.version}, commit {commit}",
        f"- n = {result.n}",
        "",
        markdown_table(["metric", "value"], [[k, v] for k, v in result.metrics.items()]),
        "",
    ]
    if result.baseline:
        baseline = ", ".join(f"{k} {fmt(v)}" for k, v in result.baseline.items())
        lines += [f"Published baseline: {baseline}.", ""]
    if result.details:
        lines += [result.details.strip(), ""]
    lines.append(END.format(result.task))
    return "\n".join(lines) + "\n"


def split_document(text: str) -> tuple[str, dict[str, str], list[str]]:
    """(preamble, task → section text, tasks in file order)."""
    sections: dict[str, str] = {}
    order: list[str] = []
    for match in SECTION.finditer(text):
        sections[match["task"]] = match.group(0).rstrip("\n") + "\n"
        order.append(match["task"])
    first = SECTION.search(text)
    preamble = text[: first.start()] if first else text
    return preamble.rstrip("\n") + "\n", sections, order


def merge(existing: str | None, new_sections: Mapping[str, str], registry_order: Sequence[str]) -> str:
    """The document with ``new_sections`` replacing (or adding) theirs, others unchanged."""
    preamble, sections, file_order = split_document(existing) if existing else (PREAMBLE, {}, [])
    if not preamble.strip():
        preamble = PREAMBLE
    sections.update(new_sections)
    ordered = [t for t in registry_order if t in sections]
    ordered += [t for t in file_order if t not in ordered]
    ordered += [t for t in new_sections if t not in ordered]
    return preamble + "".join("\n" + sections[t] for t in ordered)
