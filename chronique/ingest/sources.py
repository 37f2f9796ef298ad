"""Walking inputs into Articles: files and directories, each read by the reader of its format.

The format comes from ``fmt`` when given, else from the file name's extension, else from
sniffing the first bytes (plain text is the fallback for anything that does not look binary).
Directories are walked recursively in sorted order, skipping hidden files and folders.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from chronique.errors import BinaryInputError, ChroniqueError, EmptyInputError, InputError
from chronique.ingest.inputs import binary_reason
from chronique.ingest.registry import Reader, ReaderRegistry, load_readers
from chronique.schema import Article

SNIFF_BYTES = 4096


def walk(path: Path) -> Iterator[Path]:
    """The files under a directory, sorted, without hidden ones (".git", ".DS_Store", …)."""
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path)
        if child.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield child


def choose_reader(path: Path, registry: ReaderRegistry, fmt: str | None = None) -> Reader:
    """The reader for one file: forced format, else extension, else content sniffing."""
    if fmt:
        return registry.get(fmt)
    by_name = registry.by_extension(path)
    if by_name is not None:
        return by_name
    where = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"expected a readable file, found {exc.strerror or exc}", where=where) from exc
    if not head.strip():
        raise EmptyInputError("expected some content, found an empty file", where=where)
    found = registry.by_content(head)
    if found is None:
        reason = binary_reason(head)
        raise BinaryInputError(
            f"expected one of the formats {sorted(registry.names)}, found "
            + (reason[0] if reason else "content none of them recognises"),
            where=where, offset=reason[1] if reason else None,
        )
    return found


def read_file(path: Path, registry: ReaderRegistry, fmt: str | None = None) -> Iterator[Article | ChroniqueError]:
    """Every article of one file; an error for the whole file ends it, yielded rather than raised."""
    try:
        reader = choose_reader(path, registry, fmt)
        yield from reader.read(path)
    except ChroniqueError as error:
        yield error


def read_sources(paths: Iterable[str | Path], *, fmt: str | None = None,
                 readers: ReaderRegistry | None = None) -> Iterator[Article | ChroniqueError]:
    """Every article of every input, in order; a rejected input is yielded as its error."""
    registry = readers if readers is not None else load_readers()
    if fmt:
        registry.get(fmt)  # an unknown --input-format stops the run once, not once per file
    for path in map(Path, paths):
        if path.is_dir():
            files = list(walk(path))
            if not files:
                yield EmptyInputError("expected files to read, found an empty directory", where=str(path))
            for file in files:
                yield from read_file(file, registry, fmt)
        elif path.exists():
            yield from read_file(path, registry, fmt)
        else:
            yield InputError("expected a file or a directory, found nothing at this path", where=str(path))
