"""Plain text files: UTF-8 (or UTF-16 with a BOM); the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from chronique.errors import ChroniqueError, EmptyInputError
from chronique.ingest.inputs import binary_reason, check_not_binary, decode_text, read_document
from chronique.ingest.opened import InputFile
from chronique.schema import Article


class TextReader:
    name = "text"
    extensions: tuple[str, ...] = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        # The fallback: anything that does not look binary is read as text.
        return binary_reason(head) is None

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        return self.read_input(InputFile.local(path))

    def read_input(self, source: InputFile) -> Iterator[Article | ChroniqueError]:
        where = source.where
        data = read_document(source)
        check_not_binary(data, where, expected="UTF-8 text")
        text = decode_text(data, where).strip()
        if not text:
            raise EmptyInputError("expected some text, found only whitespace", where=where)
        yield Article.create(text, source=where)
