"""Typed runtime settings, loaded explicitly (never at import time).

The database URL comes from ``--db``, else ``CHRONIQUE_DB``, else ``sqlite:///chronique.db``. A bare
path (``runs/news.db``) is taken as a SQLite file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    batch_size: int = 32  # articles per store transaction
    busy_timeout_s: float = 30.0  # how long SQLite waits for another writer's lock
    api_token: str | None = None  # bearer token for POST /api/articles (None: the API is read-only)

    @classmethod
    def load(cls, db: str | None = None, *, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from the command line value, else the environment, else the defaults."""
        env = os.environ if env is None else env
        url = db or env.get(DB_ENV) or DEFAULT_DATABASE_URL
        return cls(database_url=normalise_database_url(url), api_token=env.get(TOKEN_ENV) or None)
