"""The store's commands: ingest (model-backed, two small files), events, failures, export, db."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.settings import Settings
from chronique.store.engine import head_revision
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import make_extraction

runner = CliRunner()


@pytest.fixture
def filled(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store.open(Settings(database_url=url)) as store:
        store.write([make_extraction(i) for i in range(8)])
    return url


def test_events_filters_and_formats(filled: str) -> None:
    result = runner.invoke(app, ["events", "--db", filled, "--actor", "RUS", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2 and {r["actor"]["code"] for r in records} == {"RUS"}
    result = runner.invoke(app, ["events", "--db", filled, "--text", "Bielorussie", "--format", "csv"])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 9
    bad = runner.invoke(app, ["events", "--db", filled, "--since", "juin"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output  # a usage error, as the README says


def test_export_writes_the_stored_records(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "transfers.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--what", "transfers", "--db", filled, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", filled])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 8


def test_db_upgrade_and_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert runner.invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    result = runner.invoke(app, ["db", "current", "--db", url])
    head = head_revision()
    assert head and f"current {head}, latest {head}" in result.stdout


@pytest.mark.model
def test_ingest_twice_stores_once_and_records_bad_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("La France a signé samedi un accord de défense avec l'Allemagne à Berlin.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Russia accused Ukraine on Monday of shelling a power station near Kharkiv.\n",
                                    encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"\nnot json\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'run.db'}"
    args = ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "bad.jsonl"),
            "--db", url, "--published", "2022-06-27", "--no-progress"]
    first = runner.invoke(app, args)
    assert first.exit_code == 1, first.output
    with Store.open(Settings(database_url=url)) as store:
        counts = store.counts()
        assert counts["articles"] == 2 and counts["failures"] >= 1
    second = runner.invoke(app, args)
    assert "0 article(s) stored" in second.output
    with Store.open(Settings(database_url=url)) as store:
        assert store.counts() == counts
    listed = runner.invoke(app, ["failures", "--db", url, "--format", "jsonl"])
    assert all(json.loads(line)["source"].endswith("bad.jsonl") for line in listed.stdout.splitlines())


def test_transfers_are_listed_from_the_store(filled: str) -> None:
    result = runner.invoke(app, ["transfers", "--db", filled, "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("supplier,recipient,designation")
    assert len(lines) > 1


WIRE = ("The defence minister of Valdoria announced on Tuesday in Minsk that two missile batteries would soon be "
        "delivered to the neighbouring country, a decision several diplomats described as weighty for the region. "
        "According to a statement released in the evening, the equipment will travel by rail before the end of the "
        "month and instructors will accompany the crews in charge of bringing it into service.\n")


@pytest.mark.model
def test_ingest_links_a_wire_copy_once(tmp_path: Path) -> None:
    (tmp_path / "agency.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "paper.txt").write_text("MINSK (Agency) - " + WIRE + "Additional reporting by our staff.\n",
                                        encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'wire.db'}"
    args = ["ingest", str(tmp_path / "agency.txt"), str(tmp_path / "paper.txt"), "--db", url,
            "--published", "2022-06-28", "--no-progress"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "1 near-duplicate link(s)" in first.output
    again = runner.invoke(app, args)
    assert "0 near-duplicate link(s)" in again.output and "2 already stored" in again.output
    with Store.open(Settings(database_url=url)) as store:
        assert len(store.duplicate_pairs()) == 1
