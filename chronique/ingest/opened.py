"""One input file as the readers see it: a local path, or an object of a store pyarrow opens
(``s3://``, ``gs://``…), read in place. Sequential readers get a buffered binary stream (one ranged
request per buffer for an object); the Parquet reader gets random access (the footer, then only the
row groups it reads), so an object is never copied whole before it is read.

Errors of opening are InputErrors naming the file as the user named it (the path or the URL).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.fs as pafs

from chronique.errors import InputError

STREAM_BUFFER = 1 << 20  # bytes per read of an object: one ranged request each


class _RawNative(io.RawIOBase):
    """A pyarrow stream as a raw Python one, so that io.BufferedReader gives it ``readline``."""

    def __init__(self, native: Any) -> None:
        self.native = native
        self.position = 0  # pyarrow answers tell() only for random-access files

    def readable(self) -> bool:
        return True

    def tell(self) -> int:  # the WARC reader's expansion guard measures what it has consumed
        return self.position

    def readinto(self, buffer: Any) -> int:
        data = self.native.read(len(buffer))
        buffer[:len(data)] = data
        self.position += len(data)
        return len(data)

    def close(self) -> None:
        self.native.close()
        super().close()


@dataclass(frozen=True)
class InputFile:
    """``path`` in ``fs`` (None: the local file system, read with Python's own files); ``where``
    is how articles and rejections name it."""

    path: str
    where: str
    fs: pafs.FileSystem | None = None

    @classmethod
    def local(cls, path: Path) -> InputFile:
        return cls(str(path), str(path))

    @property
    def name(self) -> str:
        """The file name, for choosing a reader by extension."""
        return PurePosixPath(urlsplit(self.path).path if self.fs is not None else self.path).name

    def _failed(self, exc: Exception) -> InputError:
        if self.fs is None:
            found = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            return InputError(f"expected a readable file, found {found}", where=self.where)
        return InputError(f"expected a readable object, found: {exc}", where=self.where)

    def size(self) -> int:
        try:
            if self.fs is None:
                return Path(self.path).stat().st_size
            info = self.fs.get_file_info(self.path)
        except (pa.ArrowException, OSError) as exc:
            raise self._failed(exc) from exc
        if info.type == pafs.FileType.NotFound:
            raise InputError("expected a file or a folder, found nothing at this URL", where=self.where)
        if info.type != pafs.FileType.File or info.size is None:
            raise InputError("expected a file, found something else at this URL", where=self.where)
        return int(info.size)

    def open(self) -> IO[bytes]:
        """A buffered binary stream from the start of the file."""
        try:
            if self.fs is None:
                return Path(self.path).open("rb")
            return io.BufferedReader(_RawNative(self.fs.open_input_stream(self.path, compression=None)),
                                     STREAM_BUFFER)
        except (pa.ArrowException, OSError) as exc:
            raise self._failed(exc) from exc

    def random_access(self) -> str | pa.NativeFile:
        """What ``pyarrow.parquet.ParquetFile`` opens: the local path, or the object read by ranges."""
        if self.fs is None:
            return self.path
        try:
            return self.fs.open_input_file(self.path)
        except (pa.ArrowException, OSError) as exc:
            raise self._failed(exc) from exc

    def head(self, size: int) -> bytes:
        """The first ``size`` bytes (for sniffing the format)."""
        with self.open() as stream:
            try:
                return stream.read(size)
            except (pa.ArrowException, OSError) as exc:
                raise self._failed(exc) from exc
