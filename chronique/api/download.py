"""Export downloads streamed as they are written: the exporters of chronique.export write into a
pipe on a worker thread while the response sends what is ready, so a large export never sits
whole in memory twice and the first bytes leave at once."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator

from chronique.export import write
from chronique.report import FailurePolicy
from chronique.schema import Record

CHUNK = 64 * 1024  # bytes handed to the response at a time
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
         "parquet": "application/vnd.apache.parquet", "plover": "application/x-ndjson"}
SUFFIX = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet", "plover": "plover.jsonl"}
_DONE = object()


class _Stopped(Exception):
    """The client went away: the writer thread stops."""


class Pipe:
    """A write-only file (text or bytes) whose chunks go to a bounded queue."""

    def __init__(self) -> None:
        self.queue: queue.Queue[object] = queue.Queue(maxsize=16)
        self.stopped = threading.Event()
        self._buffer = bytearray()
        self._position = 0

    def write(self, data: str | bytes) -> int:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self._buffer += raw
        self._position += len(raw)
        if len(self._buffer) >= CHUNK:
            self.flush()
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        if self._buffer:
            self._put(bytes(self._buffer))
            self._buffer.clear()

    @property
    def closed(self) -> bool:
        return False

    def _put(self, item: object) -> None:
        while not self.stopped.is_set():
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Stopped


def stream(fmt: str, records: Iterable[Record], what: str) -> Iterator[bytes]:
    """The bytes of ``records`` exported in ``fmt``, produced on a worker thread."""
    pipe = Pipe()

    def work() -> None:
        try:
            # An event that is not valid PLOVER is left out of a PLOVER download rather than cut it short.
            write(fmt, records, pipe, what=what, policy=FailurePolicy.SKIP)  # type: ignore[arg-type]  # file-like
            pipe.flush()
            pipe._put(_DONE)
        except _Stopped:
            return
        except Exception as exc:  # handed to the response, which ends the stream
            try:
                pipe._put(exc)
            except _Stopped:
                return

    worker = threading.Thread(target=work, name="chronique-export", daemon=True)
    worker.start()
    try:
        while True:
            item = pipe.queue.get()
            if item is _DONE:
                return
            if isinstance(item, Exception):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        pipe.stopped.set()
        worker.join(timeout=5)
