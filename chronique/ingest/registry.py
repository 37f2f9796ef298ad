"""Readers by name: the built-in table plus plugins from the entry-point group "chronique.readers".

A plugin package declares, in its pyproject.toml::

    [project.entry-points."chronique.readers"]
    docx = "my_package.readers:DocxReader"

The object named there is a Reader (anything with the attributes below) or a class/factory that
builds one without arguments. Built-in names cannot be replaced by a plugin (that would change
what every existing command does); a clash is reported as a ConfigError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from chronique.errors import ChroniqueError, ConfigError, UnknownFormatError
from chronique.ingest.opened import InputFile
from chronique.schema import Article

ENTRY_POINT_GROUP = "chronique.readers"


@runtime_checkable
class Reader(Protocol):
    """Turns one input file into Articles; a rejected record is yielded as its error."""

    name: str
    extensions: tuple[str, ...]  # lower-case file name endings with the dot: ".html", ".warc.gz"

    def sniff(self, head: bytes) -> bool:
        """Whether the first bytes of a file look like this format."""
        ...

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        """Every article of the file in order. May raise a ChroniqueError for the whole file."""
        ...


@runtime_checkable
class InputReader(Reader, Protocol):
    """A reader that also reads an ``InputFile`` in place (every built-in one): an object in a store
    is then streamed, not copied to a local file first as it is for a plugin with ``read`` only."""

    def read_input(self, source: InputFile) -> Iterator[Article | ChroniqueError]: ...


# name → "module:attribute" of the built-in readers, in sniffing order (plain text is the fallback).
BUILTIN_READERS: Mapping[str, str] = MappingProxyType({
    "warc": "chronique.ingest.readers.warc:WarcReader",
    "feed": "chronique.ingest.readers.feed:FeedReader",
    "html": "chronique.ingest.readers.html:HtmlReader",
    "jsonl": "chronique.ingest.readers.jsonl:JsonlReader",
    "parquet": "chronique.ingest.readers.parquet:ParquetReader",
    "text": "chronique.ingest.readers.text:TextReader",
})
FALLBACK_READER = "text"
# Other names people use for the same formats (accepted by --input-format).
FORMAT_ALIASES: Mapping[str, str] = MappingProxyType({
    "txt": "text", "plain": "text", "htm": "html", "rss": "feed", "atom": "feed", "ndjson": "jsonl",
})


def _instantiate(obj: object, origin: str) -> Reader:
    candidate = obj() if isinstance(obj, type) or (callable(obj) and not isinstance(obj, Reader)) else obj
    if not isinstance(candidate, Reader):
        raise ConfigError(
            f"expected a reader (name, extensions, sniff(), read()), found {type(candidate).__name__}",
            where=origin,
        )
    return candidate


def _load_builtin(target: str) -> Reader:
    module, _, attribute = target.partition(":")
    return _instantiate(getattr(import_module(module), attribute), target)


def _load_plugin(entry: EntryPoint) -> Reader:
    origin = f"entry point {entry.name!r} = {entry.value!r} ({ENTRY_POINT_GROUP})"
    try:
        loaded: object = entry.load()
    except Exception as exc:  # a broken plugin must name itself, whatever it raised
        raise ConfigError(f"expected an importable reader, found {type(exc).__name__}: {exc}",
                          where=origin) from exc
    reader = _instantiate(loaded, origin)
    if reader.name != entry.name:
        raise ConfigError(f"expected a reader named {entry.name!r}, found one named {reader.name!r}", where=origin)
    return reader


@dataclass(frozen=True)
class ReaderRegistry:
    """The readers of one run, in sniffing order; built by ``load_readers``."""

    readers: tuple[Reader, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.readers)

    def get(self, name: str) -> Reader:
        wanted = FORMAT_ALIASES.get(name.lower(), name.lower())
        for reader in self.readers:
            if reader.name == wanted:
                return reader
        raise UnknownFormatError(f"expected a format among {sorted(self.names)}, found {name!r}",
                                 where="--input-format")

    def by_extension(self, path: Path | InputFile) -> Reader | None:
        """The reader whose longest extension ends the file name (".warc.gz" before ".gz")."""
        name = path.name.lower()
        best: tuple[int, Reader] | None = None
        for reader in self.readers:
            for ext in reader.extensions:
                if name.endswith(ext) and (best is None or len(ext) > best[0]):
                    best = (len(ext), reader)
        return best[1] if best else None

    def by_content(self, head: bytes) -> Reader | None:
        """The first reader (fallback last) that recognises the first bytes."""
        ordered = sorted(self.readers, key=lambda r: r.name == FALLBACK_READER)
        return next((r for r in ordered if r.sniff(head)), None)


def load_readers(*, plugins: bool = True, extra: Iterable[Reader] = (),
                 discover: Callable[[], Iterable[EntryPoint]] | None = None) -> ReaderRegistry:
    """Built-in readers, then installed plugins, then ``extra`` ones (for embedding and tests)."""
    readers = [_load_builtin(target) for target in BUILTIN_READERS.values()]
    found = (discover or (lambda: entry_points(group=ENTRY_POINT_GROUP)))() if plugins else ()
    added = [_load_plugin(entry) for entry in found]
    for reader in [*added, *(_instantiate(r, "extra reader") for r in extra)]:
        if reader.name in {r.name for r in readers}:
            raise ConfigError(f"expected a new reader name, found {reader.name!r} which is already registered",
                              where=f"reader {reader.name!r}")
        # Before the plain-text fallback so that its content sniffing gets a chance.
        readers.insert(len(readers) - 1, reader)
    return ReaderRegistry(tuple(readers))
