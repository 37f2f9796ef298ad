"""Inputs named by URL: ``file://`` and the object stores pyarrow opens (``s3://``, ``gs://``, ``hdfs://``…).

pyarrow picks the file system from the URL; its settings come from the URL's query
(``s3://bucket/key?endpoint_override=host:9000&scheme=http&region=…``) or from the store's usual
environment (``AWS_ACCESS_KEY_ID``, ``AWS_ENDPOINT_URL``, ``GOOGLE_APPLICATION_CREDENTIALS``…).
A URL ending in a folder (a prefix) stands for every object under it, sorted, hidden names skipped,
as for a local folder. An object is read in place (opened.py: a buffered stream of ranged reads, or
random access for Parquet) by the reader of its format, with every limit of a local file; only a
plugin reader that reads nothing but local files gets a temporary copy. Articles and rejections
name the URL.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import replace as with_fields
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.fs as pafs

from chronique.errors import ChroniqueError, InputError
from chronique.schema import Article

# A scheme of two or more letters: "C:/x" (a Windows drive) stays a path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
COPY_BLOCK = 1 << 20
# What ``read_copy`` calls on the local copy: the plugin reader's ``read``.
ReadFile = Callable[[Path], Iterator[Article | ChroniqueError]]


def is_url(value: str | Path) -> bool:
    return isinstance(value, str) and bool(_URL.match(value))


@dataclass(frozen=True)
class Remote:
    """A URL opened: its file system, the path in it, and how to name other paths of the same store."""

    fs: pafs.FileSystem
    path: str
    url: str

    def url_of(self, path: str) -> str:
        """The URL of another path in the same store, with the same query (endpoint, region…)."""
        parts = urlsplit(self.url)
        # s3 and gs paths start with the bucket; file and hdfs paths are absolute, under the host.
        where = parts.netloc + path if path.startswith("/") else path
        return f"{parts.scheme}://{where}" + (f"?{parts.query}" if parts.query else "")


def open_url(url: str) -> Remote:
    try:
        fs, path = pafs.FileSystem.from_uri(url)
    except (pa.ArrowException, ValueError, OSError) as exc:
        raise InputError(f"expected a URL of a file system pyarrow supports, found: {exc}", where=url) from exc
    return Remote(fs, path.rstrip("/") or path, url)


def expand(url: str) -> list[str]:
    """The URLs of the objects a URL stands for: itself, or every object under a prefix. A URL that
    cannot be opened or listed is kept as it is: reading it then reports why, in its place."""
    try:
        remote = open_url(url)
        info = remote.fs.get_file_info(remote.path)
        if info.type != pafs.FileType.Directory:
            return [url]
        found = remote.fs.get_file_info(pafs.FileSelector(remote.path, recursive=True))
    except (ChroniqueError, pa.ArrowException, OSError):
        return [url]
    names = sorted(f.path for f in found if f.type == pafs.FileType.File and not _hidden(f.path, remote.path))
    return [remote.url_of(name) for name in names]


def object_sizes(url: str) -> dict[str, int]:
    """The size of each object a URL stands for (for an ETA); nothing for a URL that cannot be listed."""
    sizes: dict[str, int] = {}
    for name in expand(url):
        try:
            remote = open_url(name)
            info = remote.fs.get_file_info(remote.path)
        except (ChroniqueError, pa.ArrowException, OSError):
            continue
        if info.type == pafs.FileType.File and info.size is not None:
            sizes[name] = int(info.size)
    return sizes


def _hidden(path: str, top: str) -> bool:
    return any(part.startswith(".") for part in PurePosixPath(path).relative_to(top).parts)


def read_copy(remote: Remote, read: ReadFile) -> Iterator[Article | ChroniqueError]:
    """The articles of one object read by ``read`` from a temporary local copy: for a plugin reader
    that only reads files (the built-in readers read objects in place, sources.read_object)."""
    with tempfile.TemporaryDirectory(prefix="chronique-remote-") as folder:
        local = Path(folder, PurePosixPath(urlsplit(remote.url).path).name or "object")
        try:
            _copy(remote, local)
        except ChroniqueError as error:
            yield error
            return
        for item in read(local):
            yield _renamed(item, str(local), remote.url)


def _copy(remote: Remote, local: Path) -> None:
    local.parent.mkdir(parents=True, exist_ok=True)
    try:
        info = remote.fs.get_file_info(remote.path)
        if info.type == pafs.FileType.NotFound:
            raise InputError("expected a file or a folder, found nothing at this URL", where=remote.url)
        if info.type != pafs.FileType.File:
            raise InputError("expected a file, found something else at this URL", where=remote.url)
        with remote.fs.open_input_stream(remote.path, compression=None) as source, local.open("wb") as target:
            shutil.copyfileobj(source, target, COPY_BLOCK)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"expected a readable object, found: {exc}", where=remote.url) from exc


def _renamed(item: Article | ChroniqueError, local: str, url: str) -> Article | ChroniqueError:
    if isinstance(item, Article):
        source = item.source or local
        return with_fields(item, source=url + source[len(local):] if source.startswith(local) else source)
    if item.where and str(item.where).startswith(local):
        item.where = url + str(item.where)[len(local):]
    return item
