"""`chronique kb import-petrarch`: a PETRARCH dictionary becomes a chronique actor YAML file."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.knowledge.actors import load_actor_knowledge


def test_import_petrarch_round_trip(shared_dir: Path, tmp_path: Path) -> None:
    source = shared_dir / "eval" / "dev" / "events" / "petrarch2-unit" / "PETR.Validate.actors.txt"
    out = tmp_path / "actors.yaml"
    result = CliRunner().invoke(app, ["kb", "import-petrarch", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    gollum = next(a for a in data["actors"] if a["name"] == "GOLLUM")
    assert "SMEAGOL" in gollum["aliases"] and len(gollum["terms"]) == 3
    kb = load_actor_knowledge([out])
    assert {a.entry.code for a in kb.lookup("gondor")} == {"GON"}


def test_import_petrarch_reports_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("GONDOR [GON 2001x]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "import-petrarch", str(bad)])
    assert result.exit_code == 5 and "KNOWLEDGE_ERROR" in result.output
