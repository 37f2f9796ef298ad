"""Opening a database: the engine with each backend's settings, and migrations to the latest version.

A database at a revision this version does not know (migrated by a newer chronique) is refused
with NewerStoreError before alembic runs: the newer version holds the downgrade of its own
migrations (`chronique db downgrade REVISION`, run with that version), this one cannot undo them.

SQLite runs in WAL mode with a busy timeout so that several processes can ingest into one file:
readers never block, writers wait their turn. Every write transaction (execution option
WRITE_OPTION) starts with BEGIN IMMEDIATE, taking the write lock before it reads, so that
"is this article already stored?" and the insert that follows cannot interleave with another
process.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from chronique.errors import NewerStoreError, StoreError
from chronique.settings import Settings

POOL_SIZE = 12  # connections a server database's pool keeps open
WRITE_OPTION = "chronique_write"  # execution option of write transactions


def make_engine(settings: Settings, *, sqlite_pragmas: Mapping[str, Any] | None = None) -> Engine:
    """An engine for ``settings.database_url``; ``sqlite_pragmas`` adds per-connection pragmas."""
    try:
        url = make_url(settings.database_url)
    except ArgumentError as exc:
        raise StoreError(f"expected a database URL, found {settings.database_url!r}", where="--db") from exc
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": settings.busy_timeout_s})
        _configure_sqlite(engine, settings, dict(sqlite_pragmas or {}))
        return engine
    # The API reads with up to ~10 connections at once (4 answer threads, 4 version reads, the
    # warm-up, scans in the thread pool): a pool that keeps fewer closes the extra connections
    # as they come back, and PostgreSQL then forks a new session for the next one.
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE)


def _configure_sqlite(engine: Engine, settings: Settings, pragmas: dict[str, Any]) -> None:
    busy_ms = int(settings.busy_timeout_s * 1000)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # durable at each WAL checkpoint; safe with WAL
        cursor.execute("PRAGMA foreign_keys = ON")
        for name, value in pragmas.items():
            cursor.execute(f"PRAGMA {name} = {int(value)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Writers take the lock up front; readers (plain BEGIN) never wait in WAL mode.
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("chronique.store") / "migrations"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def known_revisions() -> list[str]:
    """This version's revisions, oldest first."""
    return [r.revision for r in reversed(list(ScriptDirectory.from_config(_alembic_config()).walk_revisions()))]


def check_known(engine: Engine, current: str | None) -> None:
    """NewerStoreError when ``current`` (the database's revision) is not one of this version's."""
    if current is None or current in known_revisions():
        return
    known = known_revisions()
    head = known[-1]
    raise NewerStoreError(
        f"expected a database at schema revision {head} or an earlier one (this chronique knows "
        f"{known[0]}–{head}), found revision {current!r}: a newer chronique migrated it. Use that "
        f"version, or bring the database back with it first (`chronique db downgrade {head}`, which undoes only "
        "what the newer migrations added)", where=engine.url.render_as_string(hide_password=True))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (the latest by default); a no-op when it is there.
    NewerStoreError when the database is at a revision this version does not know."""
    current = current_revision(engine)
    check_known(engine, current)
    if revision == "head" and current == head_revision():
        return
    config = _alembic_config()
    try:
        with engine.connect() as base, base.execution_options(**{WRITE_OPTION: True}) as connection, \
                connection.begin():
            if connection.dialect.name == "postgresql":  # two processes opening a new database
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7210)")
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"expected to migrate the database to {revision}, found: {getattr(exc, 'orig', None) or exc}",
                         where=engine.url.render_as_string(hide_password=True)) from exc


def downgrade(engine: Engine, revision: str) -> None:
    """Bring the database back to ``revision``, one of this version's: each later migration's
    downgrade drops what it added (0010: indexes; 0009–0007: triggers and rollups; earlier ones columns and tables,
    see each file). "base" is not taken: it would drop every table."""
    check_known(engine, current_revision(engine))
    if revision not in known_revisions():
        raise StoreError(f"expected a revision of this chronique ({', '.join(known_revisions())}), found "
                         f"{revision!r}", where="REVISION")
    config = _alembic_config()
    try:
        with engine.connect() as base, base.execution_options(**{WRITE_OPTION: True}) as connection, \
                connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"expected to bring the database back to {revision}, found: "
                         f"{getattr(exc, 'orig', None) or exc}",
                         where=engine.url.render_as_string(hide_password=True)) from exc
