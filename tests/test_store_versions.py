# ruff: noqa: F811  (pytest fixtures imported from test_store_helpers)
"""Stores from another version: a database a newer chronique migrated is refused in the house
shape (what was expected, what was found, where; exit 7) before alembic runs, and `db downgrade`
brings a database back to an earlier revision that an older version opens and upgrades again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.errors import NewerStoreError, StoreError
from chronique.settings import Settings
from chronique.store import engine as engines
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import db_url, make_extraction  # noqa: F401  (fixtures)
from test_store_rollups_changes import assert_exact

runner = CliRunner()
FUTURE = "0042"  # a revision no version of this tree knows


def stamp(url: str, revision: str) -> None:
    """Mark the database as migrated to ``revision`` (as a newer chronique would leave it)."""
    with Store.open(Settings(database_url=url), migrate=False) as s, s.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def test_a_store_of_a_newer_version_is_refused_in_the_house_shape(db_url: str) -> None:
    with Store.open(Settings(database_url=db_url)) as s:
        s.write([make_extraction(1)])
    stamp(db_url, FUTURE)
    with pytest.raises(NewerStoreError) as caught:
        Store.open(Settings(database_url=db_url))
    error = caught.value
    head = engines.head_revision()
    assert error.exit_code == 7 and error.code == "NEWER_STORE"
    assert f"expected a database at schema revision {head} or an earlier one" in error.message
    assert f"found revision '{FUTURE}'" in error.message and f"chronique db downgrade {head}" in error.message
    assert error.where and error.where.split("://")[0] == db_url.split("://")[0]
    assert "Can't locate" not in error.describe()


def test_the_cli_exits_7_on_a_newer_store_and_db_current_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    Store.open(Settings(database_url=url)).close()
    stamp(url, FUTURE)
    for args in (["events"], ["db", "upgrade"], ["db", "downgrade", "0007"]):
        result = runner.invoke(app, [*args, "--db", url])
        assert result.exit_code == 7 and "error [NEWER_STORE]" in result.output, (args, result.output)
    current = runner.invoke(app, ["db", "current", "--db", url])
    assert current.exit_code == 0 and f"current {FUTURE}" in current.output and "newer than this" in current.output


def test_downgrade_then_upgrade_keeps_the_events_and_the_rollups_exact(db_url: str) -> None:
    with Store.open(Settings(database_url=db_url)) as s:
        s.write([make_extraction(n) for n in range(12)])
        engines.downgrade(s.engine, "0007")
        assert engines.current_revision(s.engine) == "0007"
        s.write([make_extraction(n) for n in range(12, 20)])  # written by a 0007 chronique: inserts only
        with s.engine.begin() as connection:  # a change the 0007 triggers do not follow
            connection.execute(text("UPDATE events SET place = 'Lille' WHERE place IS NOT NULL"))
    with Store.open(Settings(database_url=db_url)) as s:  # upgraded again: 0009 counts the rollups anew
        assert engines.current_revision(s.engine) == engines.head_revision()
        assert s.counts()["events"] == 20
        assert_exact(s)
        with s.engine.begin() as connection:  # and its triggers follow changes from there on
            connection.execute(text("UPDATE events SET place = 'Arras', date = '2021-01-01' WHERE place = 'Lille' "
                                    "AND event = 'AGREE'"))
        assert_exact(s)


def test_downgrade_refuses_what_is_not_a_revision_of_this_version(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    with Store.open(Settings(database_url=url)) as s:
        for wrong in ("base", FUTURE, "-1"):
            with pytest.raises(StoreError, match="expected a revision of this chronique"):
                engines.downgrade(s.engine, wrong)
        assert engines.current_revision(s.engine) == engines.head_revision()


def test_db_downgrade_on_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    Store.open(Settings(database_url=url)).close()
    done = runner.invoke(app, ["db", "downgrade", "0008", "--db", url])
    assert done.exit_code == 0 and "at revision 0008" in done.output
    assert "current 0008" in runner.invoke(app, ["db", "current", "--db", url]).output
    wrong = runner.invoke(app, ["db", "downgrade", "base", "--db", url])
    assert wrong.exit_code == 7 and "expected a revision of this chronique" in wrong.output
    missing = runner.invoke(app, ["db", "downgrade", "0008", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 7 and not (tmp_path / "none.db").exists()
