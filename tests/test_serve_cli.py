"""`chronique serve`: a bad database is refused before any server starts, with the CLI's exit codes."""

from __future__ import annotations

from typer.testing import CliRunner

from chronique.cli.app import app


def test_serve_refuses_an_unsupported_database_url() -> None:
    result = CliRunner().invoke(app, ["serve", "--db", "mysql://somewhere/events"])
    assert result.exit_code == 2
    assert "expected a sqlite:// or postgresql:// URL" in result.output


def test_serve_refuses_a_port_out_of_range() -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2
