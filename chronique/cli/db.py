"""`chronique db upgrade|current|downgrade`: the store's schema version (Alembic migrations in the package)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from chronique.cli import options
from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError

if TYPE_CHECKING:
    from chronique.store.store import Store

db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


@db_app.command()
def upgrade(db: DbOption = None) -> None:
    """Migrate the database to the latest schema version (ingest does it on open as well)."""
    from chronique.settings import Settings
    from chronique.store import engine

    try:
        with _store(db) as store:
            typer.echo(f"{Settings.load(db).database_url}: at revision {engine.current_revision(store.engine)}")
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error


@db_app.command()
def current(db: DbOption = None) -> None:
    """Print the database's schema revision and the latest one this version knows."""
    from chronique.store import engine

    try:
        options.require_database(db)
        with _store(db, migrate=False) as store:
            current = engine.current_revision(store.engine)
            newer = current is not None and current not in engine.known_revisions()
            typer.echo(f"current {current}, latest {engine.head_revision()}"
                       + (" (the database is newer than this chronique)" if newer else ""))
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error


@db_app.command()
def downgrade(revision: Annotated[str, typer.Argument(help="A revision of this version (0001, 0002…).")],
              db: DbOption = None) -> None:
    """Bring the database back to an earlier schema revision, so that an older chronique opens it
    (each undone migration drops what it added: see docs/performance.md, "Stores from another version")."""
    from chronique.settings import Settings
    from chronique.store import engine

    try:
        options.require_database(db)
        with _store(db, migrate=False) as store:
            engine.downgrade(store.engine, revision)
            typer.echo(f"{Settings.load(db).database_url}: at revision {engine.current_revision(store.engine)}")
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error


def _store(db: str | None, *, migrate: bool = True) -> Store:
    from chronique.settings import Settings
    from chronique.store.store import Store

    return Store.open(Settings.load(db), migrate=migrate)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
