"""`chronique kb`: actor knowledge commands (import a PETRARCH actor or agent dictionary)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml

from chronique.cli import options
from chronique.errors import ChroniqueError, KnowledgeError
from chronique.knowledge.petrarch import looks_like_agents, parse_actors, parse_agents, to_user_records

kb_app = typer.Typer(help="Actor knowledge: import dictionaries, inspect entries.", no_args_is_help=True)


@kb_app.command("import-petrarch")
def import_petrarch(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="PETRARCH actors or agents .txt file")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="YAML file to write (default: stdout)")] = None,
) -> None:
    """Convert a PETRARCH actor (or agent) dictionary into a chronique actor YAML file (use it with
    `chronique extract --actors OUT.yaml`). Malformed lines are skipped and reported (file and
    line) on standard error; the rest is imported."""
    problems: list[KnowledgeError] = []
    try:
        text = _decoded_lines(file, problems)
        if looks_like_agents(text):
            records = to_user_records([], parse_agents(text, where=str(file), problems=problems))
        else:
            records = to_user_records(parse_actors(text, where=str(file), problems=problems), [])
    except ChroniqueError as error:
        raise options.fail(error) from error
    for problem in problems:
        typer.echo(f"skipped [{problem.code}] {problem.describe()}", err=True)
    imported = len(records["actors"]) + len(records["agents"])
    if problems:
        typer.echo(f"{len(problems)} bad line(s) skipped in {file}; {imported} entries imported", err=True)
        if not imported:
            raise typer.Exit(KnowledgeError.exit_code)
    # libyaml's dumper when present: a full Phoenix dictionary (thousands of entries) dumps ~5x faster
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumped = yaml.dump(records, Dumper=dumper, allow_unicode=True, sort_keys=False)
    header = f"# chronique actor file, imported from the PETRARCH dictionary {file.name}\n"
    if output is None:
        typer.echo(header + dumped, nl=False)
    else:
        output.write_text(header + dumped, encoding="utf-8")
        typer.echo(f"wrote {len(records['actors'])} actors and {len(records['agents'])} agents to {output}", err=True)
    if problems:
        raise typer.Exit(1)  # finished, some input rejected (README, exit codes)


def _decoded_lines(file: Path, problems: list[KnowledgeError]) -> str:
    """The file's text, line by line: a line that is not UTF-8 becomes blank and is reported,
    so that line numbers stay those of the file."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise KnowledgeError(f"expected a readable dictionary, found {exc.strerror or exc}", where=str(file)) from exc
    lines = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            problems.append(KnowledgeError(f"expected UTF-8 text, found byte {line[exc.start]:#04x} at column "
                                           f"{exc.start + 1}", where=str(file), record=number))
            lines.append("")
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
