"""Typed runtime settings, loaded explicitly (never at import time).

The database URL comes from ``--db``, else ``CHRONIQUE_DB``, else ``sqlite:///chronique.db``. A bare
path (``runs/news.db``) is taken as a SQLite file. Every field says, as data, which flag and which
environment variable set it; docs/configuration.md lists them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from chronique.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///chronique.db"
DB_ENV = "CHRONIQUE_DB"
TOKEN_ENV = "CHRONIQUE_TOKEN"  # bearer token of the API's write endpoints; unset: the API is read-only
SUPPORTED_SCHEMES = ("sqlite", "postgresql")


def normalise_database_url(value: str) -> str:
    """A SQLAlchemy URL: bare paths become SQLite files; postgresql:// uses psycopg 3."""
    value = value.strip()
    if not value:
        raise ConfigError("expected a database URL or a SQLite file path, found an empty value", where="--db")
    if "://" not in value:
        return f"sqlite:///{value}"
    scheme = value.split("://", 1)[0]
    base = scheme.split("+", 1)[0]
    if base == "postgres":  # the libpq spelling
        base, value = "postgresql", "postgresql" + value[len(scheme):]
        scheme = "postgresql"
    if base not in SUPPORTED_SCHEMES:
        raise ConfigError(f"expected a sqlite:// or postgresql:// URL, found {scheme}://", where="--db")
    if scheme == "postgresql":
        value = "postgresql+psycopg" + value[len("postgresql"):]
    return value


def _positive(name: str, value: str, where: str, kind: type[int] | type[float]) -> int | float:
    try:
        number = kind(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise ConfigError(f"expected a positive {'whole ' if kind is int else ''}number for {name}, "
                          f"found {value!r}", where=where)
    return number


def _setting(env_var: str, flag: str | None, help: str) -> dict[str, str | None]:
    """A field's documentation as data: where it can be set, and what it does (docs/configuration.md)."""
    return {"env": env_var, "flag": flag, "help": help}


@dataclass(frozen=True)
class Settings:
    """Runtime settings of the store and the batch commands. Each is set by its command-line flag,
    else its environment variable, else the default (see docs/configuration.md)."""

    database_url: str = field(default=DEFAULT_DATABASE_URL, metadata=_setting(
        DB_ENV, "--db", "Database URL (sqlite:///FILE or postgresql://…) or a SQLite file path."))
    batch_size: int = field(default=32, metadata=_setting(
        "CHRONIQUE_BATCH_SIZE", "--batch-size", "Articles per store transaction in `ingest`."))
    busy_timeout_s: float = field(default=30.0, metadata=_setting(
        "CHRONIQUE_BUSY_TIMEOUT_S", None, "Seconds SQLite waits for another writer's lock."))
    api_token: str | None = field(default=None, metadata=_setting(
        TOKEN_ENV, None, "Bearer token that POST /api/articles requires (unset: the API is read-only)."))

    @classmethod
    def load(cls, db: str | None = None, *, batch_size: int | None = None,
             env: Mapping[str, str] | None = None) -> Settings:
        """Settings from the command-line values, else the environment, else the defaults."""
        env = os.environ if env is None else env
        # An explicit --db '' is a mistake to report, not a reason to fall back to the default.
        url = db if db is not None else env.get(DB_ENV) or DEFAULT_DATABASE_URL
        values: dict[str, Any] = {"database_url": normalise_database_url(url)}
        if batch_size is not None:
            values["batch_size"] = _positive("--batch-size", str(batch_size), "--batch-size", int)
        for item in fields(cls):
            variable = item.metadata["env"]
            if item.name in values or not env.get(variable):
                continue
            if item.name == "api_token":  # the one text setting: taken as given
                values[item.name] = env[variable]
            else:
                kind = int if item.type in (int, "int") else float
                values[item.name] = _positive(variable, env[variable], f"${variable}", kind)
        return cls(**values)
