"""read_sources: directory walk, format choice (forced, extension, sniffing) and reader plugins."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator, Sequence
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from chronique.errors import ChroniqueError, ConfigError, EmptyInputError, InputError, UnknownFormatError
from chronique.ingest.registry import BUILTIN_READERS, ENTRY_POINT_GROUP, load_readers
from chronique.ingest.sources import choose_reader, read_sources
from chronique.schema import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def sources(items: Sequence[Article | ChroniqueError]) -> list[str | None]:
    return [item.source if isinstance(item, Article) else f"ERROR {item.where}" for item in items]


def test_directory_is_walked_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "fr-depeche.txt", tmp_path / "b" / "z.txt")
    shutil.copy(FIXTURES / "en-wire.txt", tmp_path / "a.txt")
    shutil.copy(FIXTURES / "fr-feed.rss", tmp_path / "b" / "feed.rss")
    (tmp_path / ".hidden.txt").write_text("Le Canada a voté.")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    items = [i for i in read_sources([tmp_path]) if isinstance(i, Article)]
    assert sources(items) == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'b' / 'feed.rss'}#record 1",
        f"{tmp_path / 'b' / 'feed.rss'}#record 3",
        str(tmp_path / "b" / "z.txt"),
    ]


def test_inputs_keep_their_order_across_files_and_directories(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "en-wire.txt", tmp_path / "one.txt")
    items = list(read_sources([FIXTURES / "fr-depeche.txt", tmp_path, FIXTURES / "en-page.htm"]))
    assert sources(items) == [str(FIXTURES / "fr-depeche.txt"), str(tmp_path / "one.txt"),
                              str(FIXTURES / "en-page.htm")]


def test_missing_path_and_empty_directory_are_errors_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing, empty, good = list(read_sources([tmp_path / "nope.txt", tmp_path / "empty", FIXTURES / "en-wire.txt"]))
    assert isinstance(missing, InputError) and missing.where == str(tmp_path / "nope.txt")
    assert isinstance(empty, EmptyInputError)
    assert isinstance(good, Article)


@pytest.mark.parametrize(("fixture", "expected"), [
    ("fr-page.html", "html"), ("en-page.htm", "html"), ("fr-feed.rss", "feed"), ("en-feed.atom", "feed"),
    ("mixed.jsonl", "jsonl"), ("fr-depeche.txt", "text"),
])
def test_format_is_sniffed_when_the_extension_says_nothing(tmp_path: Path, fixture: str, expected: str) -> None:
    registry = load_readers(plugins=False)
    assert choose_reader(FIXTURES / fixture, registry).name == expected  # by extension
    anonymous = tmp_path / "download"
    shutil.copy(FIXTURES / fixture, anonymous)
    assert choose_reader(anonymous, registry).name == expected  # by content


def test_warc_is_sniffed(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("warc_builder", FIXTURES / "warc_builder.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    path = tmp_path / "crawl.dat"
    path.write_bytes(builder.make_warc(builder.PAGES, gzip=True))
    assert choose_reader(path, load_readers(plugins=False)).name == "warc"
    assert len([i for i in read_sources([path]) if isinstance(i, Article)]) == 2


def test_forced_format_wins_over_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    shutil.copy(FIXTURES / "fr-page.html", path)
    [as_text] = list(read_sources([path]))
    [as_html] = list(read_sources([path], fmt="html"))
    assert isinstance(as_text, Article) and "<article>" in as_text.text
    assert isinstance(as_html, Article) and as_html.title == "La Norvège commande des sous-marins allemands"
    [as_rss] = list(read_sources([FIXTURES / "fr-depeche.txt"], fmt="rss"))  # an alias of "feed"
    assert isinstance(as_rss, ChroniqueError)


def test_unknown_forced_format_stops_the_run_once() -> None:
    with pytest.raises(UnknownFormatError, match="expected a format among"):
        list(read_sources([FIXTURES / "en-wire.txt"], fmt="docx"))


PLUGIN_SOURCE = '''
from chronique.schema import Article


class TsvReader:
    """Tab-separated lines: title <TAB> text."""

    name = "tsv"
    extensions = (".tsv",)

    def sniff(self, head):
        return head.startswith(b"TSV\\t")

    def read(self, path):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            title, _, text = line.partition("\\t")
            yield Article.create(text, title=title, source=f"{path}#record {number}")


class NotAReader:
    pass
'''


@pytest.fixture
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    package = tmp_path / "plugin_site"
    package.mkdir()
    (package / "chronique_tsv_plugin.py").write_text(textwrap.dedent(PLUGIN_SOURCE))
    monkeypatch.syspath_prepend(str(package))
    return "chronique_tsv_plugin"


def entry(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)


def test_plugin_reader_from_an_entry_point(tmp_path: Path, plugin_module: str) -> None:
    def discover() -> Iterator[EntryPoint]:
        yield entry("tsv", f"{plugin_module}:TsvReader")

    registry = load_readers(discover=discover)
    assert registry.names[-1] == "text"  # plugins come before the plain-text fallback
    assert set(BUILTIN_READERS) | {"tsv"} == set(registry.names)
    path = tmp_path / "wire.tsv"
    path.write_text("Accord\tLe Maroc et la Mauritanie ont signé un accord.\n"
                    "Summit\tMorocco hosted a summit.\n", encoding="utf-8")
    items = list(read_sources([path], readers=registry))
    assert [a.title for a in items if isinstance(a, Article)] == ["Accord", "Summit"]
    sniffed = tmp_path / "noext"
    sniffed.write_text("TSV\tFirst line.\n")
    assert choose_reader(sniffed, registry).name == "tsv"


def test_plugins_are_discovered_from_the_installed_entry_points(monkeypatch: pytest.MonkeyPatch,
                                                                 plugin_module: str) -> None:
    seen: list[str] = []

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        seen.append(group)
        return [entry("tsv", f"{plugin_module}:TsvReader")]

    monkeypatch.setattr("chronique.ingest.registry.entry_points", fake_entry_points)
    assert "tsv" in load_readers().names
    assert seen == [ENTRY_POINT_GROUP]
    assert "tsv" not in load_readers(plugins=False).names


@pytest.mark.parametrize(("name", "target", "complaint"), [
    ("html", "{module}:TsvReader", "expected a reader named"),  # entry name and reader name differ
    ("tsv", "{module}:NotAReader", "expected a reader"),
    ("tsv", "no_such_module_here:Reader", "expected an importable reader"),
])
def test_broken_plugins_are_named(plugin_module: str, name: str, target: str, complaint: str) -> None:
    with pytest.raises(ConfigError, match=complaint) as caught:
        load_readers(discover=lambda: [entry(name, target.format(module=plugin_module))])
    assert ENTRY_POINT_GROUP in str(caught.value)


def test_a_plugin_cannot_replace_a_builtin_reader(plugin_module: str) -> None:
    import importlib

    reader = importlib.import_module(plugin_module).TsvReader()
    reader.name = "text"
    with pytest.raises(ConfigError, match="already registered"):
        load_readers(plugins=False, extra=[reader])
