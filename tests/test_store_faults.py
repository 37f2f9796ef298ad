# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Faults: kill -9 and resume, a locked database, two writers, a full disk, a dropped connection."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from test_store_helpers import db_url, make_extraction, snapshot  # noqa: F401

from chronique.errors import StoreError
from chronique.settings import Settings
from chronique.store.store import Store

HERE = Path(__file__).parent  # the writer subprocess imports the helpers from here

# A writer process: N articles in batches of B, one transaction each, slowed so it can be killed mid-run.
WRITER = """
import sys, time
sys.path.insert(0, {here!r})
from test_store_helpers import make_extraction
from chronique.settings import Settings
from chronique.store.store import Store
n, b, pause = {n}, {b}, {pause}
with Store.open(Settings(database_url={url!r})) as store:
    for i in range(0, n, b):
        store.write([make_extraction(k) for k in range(i, min(i + b, n))])
        time.sleep(pause)
"""


def writer(url: str, n: int, b: int = 5, pause: float = 0.0) -> subprocess.Popen[bytes]:
    code = WRITER.format(here=str(HERE), n=n, b=b, pause=pause, url=url)
    return subprocess.Popen([sys.executable, "-c", code])


def test_killed_run_resumed_gives_the_clean_database(db_url: str, tmp_path: Path) -> None:
    proc = writer(db_url, 120, pause=0.05)
    with Store.open(Settings(database_url=db_url)) as store:
        deadline = time.monotonic() + 60
        while store.counts()["articles"] < 20 and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        partial = store.counts()["articles"]
        assert 0 < partial < 120 and partial % 5 == 0  # whole batches only
    assert writer(db_url, 120).wait() == 0
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    assert writer(clean_url, 120).wait() == 0
    with Store.open(Settings(database_url=db_url)) as resumed, Store.open(Settings(database_url=clean_url)) as clean:
        assert resumed.counts() == clean.counts()
        assert snapshot(resumed) == snapshot(clean)


def test_two_writers_on_one_sqlite_file_both_finish_without_duplicates(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    Store.open(Settings(database_url=url)).close()
    procs = [writer(url, 60, b=3), writer(url, 60, b=4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with Store.open(Settings(database_url=url)) as store:
        assert store.counts() == {"articles": 60, "events": 60, "event_sources": 60, "transfers": 20, "failures": 0,
                                  "article_signatures": 60 * 32, "article_links": 0}


def test_locked_database_fails_clearly_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    Store.open(Settings(database_url=f"sqlite:///{path}")).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store.open(Settings(database_url=f"sqlite:///{path}", busy_timeout_s=0.2))
        with pytest.raises(StoreError, match="locked"):
            store.write([make_extraction(i) for i in range(4)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.counts()["articles"] == 0
    assert store.write([make_extraction(0)]).articles == 1  # the lock gone, work goes on
    store.close()


def test_full_disk_rolls_the_batch_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tiny.db'}"
    Store.open(Settings(database_url=url)).close()
    with Store.open(Settings(database_url=url), sqlite_pragmas={"max_page_count": 40}) as store:
        store.write([make_extraction(0)])
        with pytest.raises(StoreError, match="full"):
            store.write([make_extraction(i) for i in range(1, 400)])
        assert store.counts()["articles"] == 1


@pytest.mark.postgres
def test_dropped_postgres_connection_is_retried_without_loss(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    with Store.open(Settings(database_url=db_url)) as store:
        store.write([make_extraction(0)])
        with store.engine.connect() as killer:  # end every other session of this database
            killer.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        written = store.write([make_extraction(i) for i in range(1, 6)])
        assert written.articles == 5
        assert store.counts()["articles"] == 6
