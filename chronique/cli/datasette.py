"""`chronique datasette-metadata [--db FILE] [-o metadata.json]`: ready a SQLite store for datasette."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from chronique.cli import options
from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError


def datasette_metadata(
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: standard "
                                                "output).")] = None,
    prepare: Annotated[bool, typer.Option(help="Also add to the database the event_table view (text, date, "
                                          "place, coordinates as columns) and the full-text index on articles "
                                          "that datasette's search uses.")] = True,
) -> None:
    """Write datasette's metadata.json for a SQLite store: `datasette chronique.db -m metadata.json`."""
    from sqlalchemy.engine import make_url

    from chronique.export.datasette import metadata
    from chronique.export.datasette import prepare as prepare_db
    from chronique.settings import Settings
    from chronique.store import engine
    from chronique.store.store import Store

    try:
        settings = Settings.load(db)
        url = make_url(settings.database_url)
        if url.get_backend_name() != "sqlite" or not url.database:
            raise typer.BadParameter(f"expected a SQLite database file (datasette reads SQLite), found {url}",
                                     param_hint="--db")
        options.require_database(db)
        if prepare:
            with Store.open(settings) as store, store.engine.connect() as base, \
                    base.execution_options(**{engine.WRITE_OPTION: True}) as connection, connection.begin():
                prepare_db(connection)
        text = json.dumps(metadata(Path(url.database)), ensure_ascii=False, indent=2) + "\n"
        with options.output_stream(output) as out:
            out.write(text)
    except ChroniqueError as error:
        raise options.fail(error) from error
    if output is not None:
        typer.echo(f"wrote {output}; run: datasette {url.database} -m {output}", err=True)


def register(app: typer.Typer) -> None:
    app.command("datasette-metadata")(datasette_metadata)
