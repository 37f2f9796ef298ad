"""The commands as a researcher's tools: option checks that list the valid values, --version,
completion, readable help, read commands that never create a database, stdin and -o, the
table summary. No spaCy model needed except where marked."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from chronique import __version__
from chronique.cli import options
from chronique.cli.app import app
from chronique.cli.output import render_table
from chronique.errors import UsageError
from chronique.ingest.sources import read_sources
from chronique.options import PipelineOptions
from chronique.schema import Article, Extraction

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import make_extraction

runner = CliRunner()


@pytest.mark.parametrize("args", [
    ["events"], ["events", "--merge"], ["export", "--format", "csv"], ["failures"], ["transfers"], ["db", "current"],
])
def test_read_commands_refuse_a_missing_database(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "nothing-here.db"
    result = runner.invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 7 and "expected an existing database" in result.output and str(missing) in result.output
    assert not missing.exists()


@pytest.mark.parametrize(("args", "valid"), [
    (["events", "--type", "HUG"], "AGREE, CONSULT"),
    (["events", "--since", "juin 2022"], "YYYY-MM-DD"),
    (["events", "--until", "2022-02-30"], "YYYY-MM-DD"),
    (["events", "--format", "xlsx"], "'table', 'json', 'jsonl', 'csv'"),
    (["events", "--limit", "-3"], "0"),
    (["events", "--cameo", "3a"], "2 to 4 digits"),
    (["failures", "--limit", "0"], "1"),
    (["export", "--format", "xml"], "'csv', 'jsonl', 'parquet', 'plover'"),
    (["export", "--format", "csv", "--what", "people"], "'events', 'transfers', 'articles'"),
    (["export", "--format", "csv", "--layout", "json"], "only with --format plover"),
    (["export", "--format", "parquet"], "-o FILE"),
    (["failures", "--format", "xml"], "'table', 'jsonl'"),
    (["extract", "a.txt", "--lang", "de"], "fr, en, auto"),
    (["ingest", "a.txt", "--published", "yesterday"], "YYYY-MM-DD"),
    (["transfers", "--lang", "es"], "fr, en, auto"),
    (["extract", "a.txt", "--input-format", "pdf"], "'html'"),
    (["ingest", "a.txt", "--input-format", "docx"], "'jsonl'"),
])
def test_bad_options_are_usage_errors_that_list_the_valid_values(args: list[str], valid: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert valid in result.output


def test_event_type_is_read_in_any_case() -> None:
    assert options.check_event_type("agree") == "AGREE"


def test_version_and_completion() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"chronique {__version__}"
    script = runner.invoke(app, ["--show-completion", "bash"])
    assert script.exit_code == 0 and "_CHRONIQUE_COMPLETE" in script.stdout


def _commands(group: object, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], object]:
    out: dict[tuple[str, ...], object] = {prefix: group}
    for name, sub in getattr(group, "commands", {}).items():
        out.update(_commands(sub, (*prefix, name)))
    return out


def test_help_shows_placeholders_and_names_only_real_commands() -> None:
    commands = _commands(typer.main.get_command(app))
    for path in commands:
        text = runner.invoke(app, [*path, "--help"]).stdout
        assert not re.search(r"<(str|int|float|bool|path)>|list\[", text, re.IGNORECASE), (path, text)
        for named in re.findall(r"`chronique ([a-z-]+(?: [a-z-]+)?)", text):
            words = tuple(named.split())
            assert words in commands or words[:1] in commands, (path, named)
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for first in re.findall(r"bin/chronique ([a-z][a-z-]*)", readme):
        assert (first,) in commands, first
    events_help = runner.invoke(app, ["events", "--help"]).stdout
    assert "--since DATE" in events_help and "--db URL" in events_help


def test_table_summary_lists_events_then_transfers_then_mention_counts() -> None:
    out = io.StringIO()
    render_table(make_extraction(0), Console(file=out, width=160))
    text = out.getvalue()
    assert text.index("1 event(s)") < text.index("1 arms transfer(s)") < text.index("Mentions: 1 actor, 1 place")
    assert "Minsk" in text  # the event's place, once, in the events table


def test_stdin_is_read_as_one_input_and_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Le ministre de Valdorie a rencontré mardi son homologue de Borovie.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    with options.stdin_spooled([Path("-")]) as (paths, copy):
        assert copy is not None and copy.exists()
        items = [options.relabel(x, copy) for x in read_sources(paths)]
    assert not copy.exists()
    [article] = items
    assert isinstance(article, Article) and article.text.strip() == text.strip()
    assert article.source is None or "<stdin>" in article.source


def test_store_events_turn_into_tables(tmp_path: Path) -> None:
    from chronique.settings import Settings
    from chronique.store.store import Store

    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 'q.db'}")) as store:
        store.write([make_extraction(i) for i in range(8)])
        found = store.events(actor="RUS", limit=None)
        table = found.to_arrow()
        merged = store.merged_events(actor="RUS", limit=1)
        merged_table = merged.to_arrow()
    assert len(merged) == merged_table.num_rows == 1 and merged_table.column("independent_sources").to_pylist() == [1]
    assert merged_table.column("members").to_pylist()[0] == [found[0].id]
    assert len(found) == table.num_rows == 2 and set(table.column("actor_code").to_pylist()) == {"RUS"}
    assert table.column("article_title").to_pylist()[0].startswith("Dépêche")
    assert table.column("cameo").to_pylist() == ["0332", "0332"]
    frame = found.to_pandas()
    assert list(frame.columns) == table.schema.names and str(frame["date"].iloc[0]).startswith("2022-")


@pytest.mark.parametrize(("flags", "gate"), [([], True), (["--all-events"], False), (["--relevance-gate"], True)])
def test_all_events_turns_the_relevance_gate_off(monkeypatch: pytest.MonkeyPatch, flags: list[str],
                                                 gate: bool) -> None:
    import chronique.pipeline

    seen: list[PipelineOptions] = []

    def record(options: PipelineOptions) -> None:
        seen.append(options)
        raise UsageError("stop here: the options are all this test reads", where="test")

    monkeypatch.setattr(chronique.pipeline, "Pipeline", record)
    runner.invoke(app, ["extract", "-", *flags], input="Le ministre a parlé.\n")
    assert [o.relevance_gate for o in seen] == [gate]


@pytest.mark.model
def test_extract_reads_stdin_and_writes_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sentence = "La Russie a signé samedi un accord de défense avec la Biélorussie à Minsk.\n"
    result = runner.invoke(app, ["extract", "-", "--published", "2022-06-25", "--format", "jsonl", "-o", str(out)],
                           input=sentence)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    extraction = Extraction.from_dict(record)
    assert extraction.article.text.strip() == sentence.strip() and "/tmp" not in (extraction.article.source or "")


def test_store_events_names_an_unknown_filter(tmp_path: Path) -> None:
    from chronique.errors import ConfigError
    from chronique.settings import Settings
    from chronique.store.store import Store

    with Store.open(Settings(database_url=f"sqlite:///{tmp_path / 'q.db'}")) as store, \
            pytest.raises(ConfigError, match="'colour'"):
        store.events(colour="red")


def test_plover_export_reports_an_undated_event_and_writes_the_rest(tmp_path: Path) -> None:
    from dataclasses import replace

    from chronique.settings import Settings
    from chronique.store.store import Store

    undated = make_extraction(1)
    undated = replace(undated, events=(replace(undated.events[0], date=None, date_precision=None),))
    url = f"sqlite:///{tmp_path / 'p.db'}"
    with Store.open(Settings(database_url=url)) as store:
        store.write([make_extraction(0), undated, make_extraction(2)])
    out = tmp_path / "events.json"
    result = runner.invoke(app, ["export", "--format", "plover", "--layout", "json", "--no-merge", "--db", url,
                                 "-o", str(out)])
    assert result.exit_code == 1 and "not a valid PLOVER record" in result.stderr and "1 skipped" in result.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 2 and all(r["cite_info"]["title"].startswith("Dépêche") for r in records)


def test_to_pandas_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronique.errors import ConfigError
    from chronique.store.records import EventRecords

    monkeypatch.setitem(sys.modules, "pandas", None)  # an import of pandas now fails
    records = EventRecords(make_extraction(0).events)
    assert records.to_arrow().num_rows == 1
    with pytest.raises(ConfigError, match="pip install pandas"):
        records.to_pandas()
