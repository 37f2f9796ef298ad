"""WARC archives (warcio, plain or gzipped): each successful HTML response is an Article.

Other records (warcinfo, requests, images, redirects, error pages) are not articles and are
passed over. A record cut short by a truncated file is yielded as a FormatError naming its
record number and offset; records before it are kept. Decompression is streamed: headers have a
per-record budget and payloads are read in bounded chunks (chronique.ingest.readers.warc_bounds).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from chronique.errors import ChroniqueError, EmptyInputError, FormatError, NoTextError, TooLargeError
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES
from chronique.ingest.opened import InputFile
from chronique.ingest.readers.markup import article_from_page
from chronique.ingest.readers.warc_bounds import ExpansionGuard, HeaderBudget, drain, payload_too_large
from chronique.schema import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ARTICLE_RECORDS = ("response", "resource")


def _is_html_article(record: Any) -> bool:
    if record.rec_type not in _ARTICLE_RECORDS:
        return False
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


class WarcReader:
    name = "warc"
    extensions: tuple[str, ...] = (".warc", ".warc.gz", ".arc", ".arc.gz")

    def sniff(self, head: bytes) -> bool:
        if head.startswith(b"\x1f\x8b"):
            try:
                head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
            except zlib.error:
                return False
        return head.startswith(b"WARC/")

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        return self.read_input(InputFile.local(path))

    def read_input(self, source: InputFile) -> Iterator[Article | ChroniqueError]:
        where = source.where
        size = source.size()
        if size == 0:
            raise EmptyInputError("expected a WARC archive, found an empty file", where=where)
        with source.open() as stream:
            yield from self._records(stream, size, where)

    def _records(self, stream: Any, size: int, where: str) -> Iterator[Article | ChroniqueError]:
        records = ArchiveIterator(stream)
        budget = HeaderBudget(records.reader, where)
        expansion = ExpansionGuard(records.reader, stream, where)
        number, articles = 0, 0
        try:
            for record in records:
                number += 1
                budget.start_record(number + 1)  # what is read next belongs to the next record
                if record.rec_headers.get_header("Content-Length") is None:
                    yield FormatError("expected a WARC record header with a Content-Length, found a header cut "
                                      "short: the archive is truncated or damaged", where=where, record=number,
                                      offset=records.get_record_offset())
                    return
                wanted = _is_html_article(record)
                check = partial(expansion.check, number)
                content = record.content_stream() if wanted else None
                payload = content.read(MAX_DOCUMENT_BYTES + 1) if content is not None else b""
                if content is not None and len(payload) > MAX_DOCUMENT_BYTES:
                    articles += 1  # an HTML response, rejected: the archive is not "without articles"
                    error = payload_too_large(record, content, len(payload), where, number, MAX_DOCUMENT_BYTES,
                                              check)
                    drain(record.raw_stream, check=check)  # here, not in warcio: under the guard
                    yield error
                    continue
                if not wanted:
                    drain(record.raw_stream, check=check)
                missing = getattr(record.raw_stream, "limit", 0)
                if missing > 0:
                    yield FormatError(f"expected a complete record, found it cut short ({missing:,} bytes missing): "
                                      "the archive is truncated", where=where, record=number,
                                      offset=records.get_record_offset())
                    return
                if not wanted:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    articles += 1
                    yield article_from_page(payload, source=f"{where}#record {number}", where=where,
                                            record=number, url=url)
                except ChroniqueError as error:
                    yield error
        except TooLargeError as error:  # headers past their budget or a bomb: the rest is not read
            yield error
            return
        except Exception as exc:  # warcio raises assorted errors on damaged archives
            yield FormatError(f"expected a WARC record, found damaged data ({type(exc).__name__}: {exc})",
                              where=where, record=number + 1, offset=records.offset)
            return
        if records.offset < size:
            yield FormatError(
                f"expected a complete WARC record, found {size - records.offset:,} trailing bytes that do not "
                "form one: the archive is truncated", where=where, record=number + 1, offset=records.offset)
        elif number and not articles:
            yield NoTextError(f"expected HTML response records, found none among {number} record(s)",
                              where=where)
        elif not number:
            yield FormatError("expected WARC records, found none", where=where)
