"""Guards every reader applies before parsing: size limit, emptiness, binary content, UTF-8.

Size limit (documented): a single-document input (text, HTML page, feed) and each record of a
multi-record input (a JSONL line, a WARC payload) may hold at most ``MAX_DOCUMENT_BYTES`` bytes.
Files are measured with ``stat`` before they are opened, so a huge file is rejected without being
read; JSONL and WARC files themselves are streamed record by record and have no overall limit.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from chronique.errors import BinaryInputError, EmptyInputError, EncodingError, FormatError, InputError, TooLargeError
from chronique.ingest.opened import InputFile

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# Signatures of common binary formats someone may drop into an input folder by mistake.
BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)", b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable", b"\xd0\xcf\x11\xe0": "an MS Office document",
}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Control characters that never occur in text (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_BINARY_CONTROL_RATIO = 0.05
_SAMPLE_BYTES = 8192


def too_large(size: int, where: str, *, record: int | None = None) -> TooLargeError:
    return TooLargeError(
        f"expected at most {MAX_DOCUMENT_BYTES:,} bytes, found {size:,} bytes (rejected unread)",
        where=where, record=record,
    )


def read_document(source: Path | InputFile) -> bytes:
    """The bytes of a single-document file (a path, or an object read in place), after the size and
    emptiness checks."""
    opened = source if isinstance(source, InputFile) else InputFile.local(source)
    size = opened.size()
    if size > MAX_DOCUMENT_BYTES:
        raise too_large(size, opened.where)
    with opened.open() as stream:
        try:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"expected a readable file, found {exc.strerror or exc}", where=opened.where) from exc
    if len(data) > MAX_DOCUMENT_BYTES:  # it grew since it was measured
        raise too_large(len(data), opened.where)
    if not data.strip():
        raise EmptyInputError("expected some content, found an empty file" if not data
                              else "expected some content, found only whitespace", where=opened.where)
    return data


def optional_string(record: Mapping[str, Any], key: str, where: str, number: int, *, kind: str = "") -> str | None:
    """A record's optional text field (a JSON object's key, a Parquet row's column): None when
    absent or empty, a FormatError naming the record when it holds something else than a string."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FormatError(f'expected {kind}"{key}" to be a string, found {type(value).__name__}',
                          where=where, record=number)
    return value


def binary_reason(data: bytes) -> tuple[str, int | None] | None:
    """Why ``data`` looks binary (description, offset), or None when it looks like text."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind, 0
    if data.startswith(_UTF16_BOMS):
        return None
    sample = data[:_SAMPLE_BYTES]
    nul = sample.find(b"\x00")
    if nul >= 0:
        return "binary data (a NUL byte)", nul
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    if sample and controls / len(sample) > _BINARY_CONTROL_RATIO:
        return f"binary data ({controls} control bytes in the first {len(sample)})", None
    return None


def check_not_binary(data: bytes, where: str, *, expected: str = "text", record: int | None = None) -> None:
    reason = binary_reason(data)
    if reason is not None:
        kind, offset = reason
        raise BinaryInputError(f"expected {expected}, found {kind}", where=where, record=record, offset=offset)


def decode_text(data: bytes, where: str, *, record: int | None = None) -> str:
    """UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted too) with unified line ends."""
    try:
        text = data.decode("utf-16") if data.startswith(_UTF16_BOMS) else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 4].hex(" ")
        raise EncodingError(
            f"expected UTF-8 text, found undecodable bytes [{bad}] ({exc.reason}); "
            "re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
            where=where, record=record, offset=exc.start,
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
