"""`chronique kb import-petrarch`: a PETRARCH dictionary becomes a chronique actor YAML file."""

from __future__ import annotations

from pathlib import Path

import pytest
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


# A small actor dictionary in the PETRARCH style, written for this test, with four kinds of damage:
# a 7-digit date (its synonym goes with it), an unbalanced bracket, a month 13, a line not in UTF-8.
MALFORMED_ACTORS = (
    b"GONDOR_ [GON]\n"
    b"+MINAS_TIRITH_\n"
    b"ROHAN_ [ROH 2001017]\n"
    b"+EDORAS_\n"
    b"MORDOR_ [MOR\n"
    b"ARNOR_ [ARN 20011301 - 20020101]\n"
    b"ERIADOR_ [ERI]\n"
) + "LOTHL\u00d3RIEN_ [LOT]\n".encode("latin-1") + b"DALE_ [DAL]\n"


def test_import_petrarch_skips_and_reports_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "damaged.actors.txt"
    source.write_bytes(MALFORMED_ACTORS)
    out = tmp_path / "actors.yaml"
    result = CliRunner().invoke(app, ["kb", "import-petrarch", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output  # finished, some input rejected
    for line in (3, 5, 6, 8):
        assert f"{source}, record {line}:" in result.stderr
    assert "4 bad line(s) skipped" in result.stderr
    names = {a["name"]: a for a in yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]}
    assert set(names) == {"GONDOR", "ERIADOR", "DALE"}
    assert names["GONDOR"]["aliases"] == ["MINAS TIRITH"]
    assert all("EDORAS" not in a["aliases"] for a in names.values())  # the bad entry's synonym went with it


def test_import_petrarch_agents_skip_lines_without_a_code(tmp_path: Path) -> None:
    source = tmp_path / "damaged.agents.txt"
    source.write_text("RANGER_ [~MIL]\nSTEWARD_ [~GOV}\nHERALD_\nMINSTREL_ [~CVL]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "import-petrarch", str(source)])
    assert result.exit_code == 1 and "record 2:" in result.stderr and "record 3:" in result.stderr
    sectors = [a["sector"] for a in yaml.safe_load(result.stdout)["agents"]]
    assert sectors == ["MIL", "CVL"]


@pytest.mark.shared
def test_import_petrarch_reads_the_real_phoenix_dictionaries(shared_dir: Path, tmp_path: Path) -> None:
    """The PETRARCH 2 dictionaries carry a few damaged lines (7- and 9-digit dates, a stray
    bracket, an agent without a code): they are reported and the rest is imported."""
    folder = shared_dir / "reference" / "petrarch2-dictionaries"
    source = folder / "Phoenix.International.actors.txt"
    if not source.is_file():
        pytest.skip("the Phoenix dictionaries are absent")
    out = tmp_path / "international.yaml"
    result = CliRunner().invoke(app, ["kb", "import-petrarch", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert f"{source}, record 40:" in result.stderr and "1 bad line(s) skipped" in result.stderr
    actors = yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]
    assert len(actors) > 5000 and any(a["name"] == "UNITED NATIONS" for a in actors)
    agents = CliRunner().invoke(app, ["kb", "import-petrarch", str(folder / "Phoenix.agents.txt")])
    assert agents.exit_code == 1 and "2 bad line(s) skipped" in agents.stderr
    assert len(yaml.safe_load(agents.stdout)["agents"]) > 2000
