"""`chronique kb`: actor knowledge commands (import a PETRARCH actor or agent dictionary)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml

from chronique.errors import ChroniqueError, KnowledgeError
from chronique.knowledge.petrarch import looks_like_agents, parse_actors, parse_agents, to_user_records

kb_app = typer.Typer(help="Actor knowledge: import dictionaries, inspect entries.", no_args_is_help=True)


@kb_app.command("import-petrarch")
def import_petrarch(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="PETRARCH actors or agents .txt file")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="YAML file to write (default: stdout)")] = None,
) -> None:
    """Convert a PETRARCH actor (or agent) dictionary into a chronique actor YAML file (use it with
    `chronique extract --actors OUT.yaml`)."""
    try:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"expected a readable UTF-8 dictionary, found {exc}", where=str(file)) from exc
        if looks_like_agents(text):
            records = to_user_records([], parse_agents(text, where=str(file)))
        else:
            records = to_user_records(parse_actors(text, where=str(file)), [])
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    dumped = yaml.safe_dump(records, allow_unicode=True, sort_keys=False)
    header = f"# chronique actor file, imported from the PETRARCH dictionary {file.name}\n"
    if output is None:
        typer.echo(header + dumped, nl=False)
    else:
        output.write_text(header + dumped, encoding="utf-8")
        typer.echo(f"wrote {len(records['actors'])} actors and {len(records['agents'])} agents to {output}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
