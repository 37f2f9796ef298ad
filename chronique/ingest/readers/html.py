"""HTML pages: the main text, title and publication date extracted by trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from chronique.errors import ChroniqueError
from chronique.ingest.inputs import check_not_binary, read_document
from chronique.ingest.opened import InputFile
from chronique.ingest.readers.markup import article_from_page
from chronique.schema import Article

# Optional BOM, XML declaration and comments, then a doctype or an html/head/body tag.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


class HtmlReader:
    name = "html"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        return bool(_HTML_START.match(head))

    def read(self, path: Path) -> Iterator[Article | ChroniqueError]:
        return self.read_input(InputFile.local(path))

    def read_input(self, source: InputFile) -> Iterator[Article | ChroniqueError]:
        where = source.where
        data = read_document(source)
        check_not_binary(data, where, expected="an HTML page")
        # Bytes go in whole: trafilatura honours the page's declared charset.
        yield article_from_page(data, source=where, where=where)
