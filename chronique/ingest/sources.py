"""Walking inputs into Articles: files and directories, each read by the reader of its format.

The format comes from ``fmt`` when given, else from the file name's extension, else from
sniffing the first bytes (plain text is the fallback for anything that does not look binary).
Directories are walked recursively in sorted order, skipping hidden files and folders. Only
regular files are read: a named pipe, socket or device is rejected with its kind, and a file or
folder that cannot be read is a rejection, never a silent skip.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from chronique.errors import BinaryInputError, ChroniqueError, EmptyInputError, InputError
from chronique.guard import guard_stream
from chronique.ingest.inputs import binary_reason
from chronique.ingest.opened import InputFile
from chronique.ingest.registry import InputReader, Reader, ReaderRegistry, load_readers
from chronique.ingest.remote import expand, is_url, open_url, read_copy
from chronique.schema import Article

SNIFF_BYTES = 4096


def walk(path: Path) -> Iterator[Path | ChroniqueError]:
    """The files under a directory, sorted, without hidden ones (".git", ".DS_Store", …); a
    folder that cannot be listed and an entry that is not a regular file come as rejections."""
    found: list[tuple[Path, ChroniqueError | None]] = []

    def unlistable(exc: OSError) -> None:
        where = str(exc.filename or path)
        found.append((Path(where), InputError(
            f"expected a readable folder, found {exc.strerror or exc}; its files were not read", where=where)))

    for root, dirs, files in os.walk(path, onerror=unlistable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                child = Path(root, name)
                found.append((child, not_regular(child)))
    for child, error in sorted(found, key=lambda item: item[0]):
        yield child if error is None else error


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def not_regular(path: Path) -> ChroniqueError | None:
    """Why ``path`` is not read (it is not a regular file: reading a pipe or a device could block
    forever or never end), or None for a regular file. Symbolic links are followed."""
    where = str(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return InputError(f"expected a readable file, found {exc.strerror or exc}", where=where)
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return InputError(f"expected a regular file, found {kind}; it is not read", where=where)


def choose_reader(path: Path | InputFile, registry: ReaderRegistry, fmt: str | None = None) -> Reader:
    """The reader for one file: forced format, else extension, else content sniffing."""
    if fmt:
        return registry.get(fmt)
    by_name = registry.by_extension(path)
    if by_name is not None:
        return by_name
    source = path if isinstance(path, InputFile) else InputFile.local(path)
    head = source.head(SNIFF_BYTES)
    if not head.strip():
        raise EmptyInputError("expected some content, found an empty file", where=source.where)
    found = registry.by_content(head)
    if found is None:
        reason = binary_reason(head)
        raise BinaryInputError(
            f"expected one of the formats {sorted(registry.names)}, found "
            + (reason[0] if reason else "content none of them recognises"),
            where=source.where, offset=reason[1] if reason else None,
        )
    return found


def read_file(path: Path, registry: ReaderRegistry, fmt: str | None = None) -> Iterator[Article | ChroniqueError]:
    """Every article of one file; an error for the whole file ends it, yielded rather than raised.
    Whatever the reader raises (a bug, a plugin's own exception) ends only this file."""
    refused = not_regular(path)
    if refused is not None:
        yield refused
        return
    try:
        reader = choose_reader(path, registry, fmt)
    except ChroniqueError as error:
        yield error
        return
    yield from checked(reader.read(path), str(path))


def read_object(url: str, registry: ReaderRegistry, fmt: str | None = None) -> Iterator[Article | ChroniqueError]:
    """Every article of one object of a store, read in place by a built-in reader (a plugin reader
    that only reads local files gets a temporary copy); articles and rejections name the URL."""
    try:
        remote = open_url(url)
        source = InputFile(remote.path, url, remote.fs)
        source.size()  # nothing there, or a folder: rejected before choosing a reader
        reader = choose_reader(source, registry, fmt)
    except ChroniqueError as error:
        yield error
        return
    if isinstance(reader, InputReader):
        yield from checked(reader.read_input(source), url)
    else:
        yield from read_copy(remote, lambda local: checked(reader.read(local), str(local)))


def checked(items: Iterator[Article | ChroniqueError], where: str) -> Iterator[Article | ChroniqueError]:
    """A reader's items under the guard (whatever it raises ends only this file), an article left
    without text rejected."""
    for item in guard_stream(items, where):
        yield _textless(item) if isinstance(item, Article) and not item.text.strip() else item


def _textless(article: Article) -> ChroniqueError:
    """A record whose text was only control characters or other unprintable code points: empty
    once made valid (Article.create), so it is rejected here whatever reader (or plugin) made it."""
    return EmptyInputError("expected article text, found none once control characters were removed",
                           where=article.source or article.id)


def read_sources(paths: Iterable[str | Path], *, fmt: str | None = None,
                 readers: ReaderRegistry | None = None) -> Iterator[Article | ChroniqueError]:
    """Every article of every input, in order; a rejected input is yielded as its error. An input
    given as a string URL (``s3://…``, ``file://…``) is read in place through pyarrow (remote.py)."""
    registry = readers if readers is not None else load_readers()
    if fmt:
        registry.get(fmt)  # an unknown --input-format stops the run once, not once per file
    for given in paths:
        if is_url(given):
            for name in expand(str(given)):
                yield from read_object(name, registry, fmt)
            continue
        path = Path(given)
        if path.is_dir():
            entries = list(walk(path))
            if not entries:
                yield EmptyInputError("expected files to read, found an empty directory", where=str(path))
            for entry in entries:
                yield from (read_file(entry, registry, fmt) if isinstance(entry, Path) else (entry,))
        elif path.exists() or path.is_symlink():
            yield from read_file(path, registry, fmt)
        else:
            yield InputError("expected a file or a directory, found nothing at this path", where=str(path))
