"""The `chronique` command: thin Typer wrappers over library functions."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from chronique import __version__
from chronique.cli import datasette as datasette_cmd
from chronique.cli import db as db_cmd
from chronique.cli import eval as eval_cmd
from chronique.cli import events as events_cmd
from chronique.cli import export as export_cmd
from chronique.cli import extract as extract_cmd
from chronique.cli import failures as failures_cmd
from chronique.cli import ingest as ingest_cmd
from chronique.cli import kb as kb_cmd
from chronique.cli import load as load_cmd
from chronique.cli import options
from chronique.cli import serve as serve_cmd
from chronique.cli import train as train_cmd
from chronique.cli import transfers as transfers_cmd
from chronique.cli.crash import report_crash
from chronique.errors import ChroniqueError

app = typer.Typer(
    name="chronique",
    help="Political event data from news reports (French, English): actors, places, dates, "
    "PLOVER/CAMEO events and arms transfers.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: placeholders (DATE, URL…) rather than type names, no "<bool>"
    cls=options.ReadableGroup,
)


@app.callback()
def common(
    version: Annotated[bool, typer.Option("--version", callback=options.show_version, is_eager=True,
                                          help="Print chronique's version and exit.")] = False,
) -> None:
    """Political event data from news reports (French, English): actors, places, dates,
    PLOVER/CAMEO events and arms transfers."""

for module in (extract_cmd, ingest_cmd, events_cmd, transfers_cmd, export_cmd, failures_cmd, db_cmd, kb_cmd, eval_cmd,
               datasette_cmd, serve_cmd, train_cmd, load_cmd):
    module.register(app)


@app.command()
def version() -> None:
    """Print chronique's version."""
    typer.echo(__version__)


def main() -> None:
    try:
        app()
    except ChroniqueError as error:  # errors raised outside a command's own handling
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        sys.exit(error.exit_code)
    except Exception as exc:  # a bug: a message, a saved traceback and exit code 70
        sys.exit(report_crash(exc))


if __name__ == "__main__":
    main()
