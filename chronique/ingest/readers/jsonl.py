"""JSON Lines: one article per line, an object with "text" and optional "title", "url",
"published" and "language". Lines are streamed; a bad line (whatever it holds: invalid JSON,
nesting too deep, a 5,000-digit number) is yielded as its error and the following lines are
still read. Blank lines are skipped. An unparseable "published" is dropped, not the article."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from chronique.errors import ChroniqueError, EmptyInputError, FormatError, InputError
from chronique.guard import guarded
from chronique.ingest.dates import normalise_published
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES, check_not_binary, decode_text, optional_string, too_large
from chronique.ingest.opened import InputFile
from chronique.schema import Article

FIELDS = ("text", "title", "url", "published", "language")
_OBJECT_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*\{\s*\"")


def parse_line(line: bytes, where: str, number: int) -> Article:
    """One JSONL line (``number`` counts from 1) as an Article."""
    check_not_binary(line, where, expected="a line of JSON text", record=number)
    try:
        record = json.loads(decode_text(line, where, record=number))
    except json.JSONDecodeError as exc:
        raise FormatError(f"expected a JSON object, found invalid JSON ({exc.msg}, column {exc.colno})",
                          where=where, record=number, offset=exc.pos) from exc
    if not isinstance(record, dict):
        raise FormatError(f"expected a JSON object, found a JSON {type(record).__name__}",
                          where=where, record=number)
    if "text" not in record:
        raise FormatError(f'expected a "text" field, found fields {sorted(record)}', where=where, record=number)
    text = optional_string(record, "text", where, number)
    if text is None or not text.strip():
        raise EmptyInputError('expected article text in "text", found an empty string', where=where, record=number)
    # A date the reader cannot parse ("December 9th 2016") costs the date, not the article: the
    # pipeline then takes --published or infers it from the text, as for a source without one.
    published = normalise_published(optional_string(record, "published", where, number))
    return Article.create(
        text.strip(), title=optional_string(record, "title", where, number),
        url=optional_string(record, "url", where, number), source=f"{where}#record {number}",
        published=published, language=optional_string(record, "language", where, number),
    )


class JsonlReader:
    name = "jsonl"
    extensions: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonlines")

    def sniff(self, head: bytes) -> bool:
        return bool(_OBJECT_START.match(head))

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        return self.read_input(InputFile.local(path))

    def read_input(self, source: InputFile) -> Iterator[Article | ChroniqueError]:
        where = source.where
        seen_any = False
        try:
            with source.open() as stream:
                number = 0
                while True:
                    # Bounded reads: one huge line must not be loaded whole.
                    line = stream.readline(MAX_DOCUMENT_BYTES + 1)
                    if not line:
                        break
                    number += 1
                    seen_any = seen_any or bool(line.strip())
                    if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
                        size = len(line)
                        while line and not line.endswith(b"\n"):  # skip the rest of this line
                            line = stream.readline(MAX_DOCUMENT_BYTES)
                            size += len(line)
                        yield too_large(size, where, record=number)
                        continue
                    if not line.strip():
                        continue
                    yield guarded(partial(parse_line, line, where, number), where, number)
        except OSError as exc:
            raise InputError(f"expected a readable file, found {exc.strerror or exc}", where=where) from exc
        if not seen_any:
            raise EmptyInputError("expected JSON lines, found an empty file", where=where)
