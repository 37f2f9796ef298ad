"""The WAL-index header tells a commit without a statement (store/wal_header.py), and the version
probe asks SQLite only when it changed; a commit by any connection is still seen at once."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import text

from chronique.settings import Settings
from chronique.store.store import Store
from chronique.store.version import VersionProbe
from chronique.store.wal_header import WalHeader

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import make_extraction


def test_the_header_changes_with_each_commit_and_only_then(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE t (x INTEGER)")
    header = WalHeader(str(path))
    assert header.read() is None  # not mapped yet
    assert header.attach()
    first = header.read()
    assert first is not None and header.read() == first
    writer.execute("SELECT count(*) FROM t").fetchall()  # a read commits nothing
    assert header.read() == first
    writer.execute("INSERT INTO t VALUES (1)")
    second = header.read()
    assert second is not None and second != first
    header.close()
    writer.close()


def test_no_header_without_wal(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x INTEGER)")
    header = WalHeader(str(path))
    assert not header.attach() and header.read() is None


def test_the_probe_asks_sqlite_only_after_a_commit(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'p.db'}")
    with Store.open(settings) as store:
        store.write([make_extraction(1)])
        probe = VersionProbe(store)
        first = probe()
        assert probe() == first  # maps the header
        statements: list[str] = []
        assert probe._connection is not None
        # (the pragma function's own statement is traced as "-- PRAGMA …": not one of ours)
        probe._connection.set_trace_callback(lambda sql: statements.append(sql) if not sql.startswith("--") else None)
        for _ in range(5):
            assert probe() == first
        assert statements == []  # answered from the header
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE articles SET title = 'x'"))  # a commit of another connection
        second = probe()
        assert second != first and len(statements) == 1
        assert probe() == second and len(statements) == 1
        probe.close()
