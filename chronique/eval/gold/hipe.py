"""HIPE TSV reader (CLEF HIPE 2020/2022): one token per line, tab-separated named columns.

Documents start at ``# hipe2022:document_id = …`` comments (other ``# key = value`` comments are
kept as metadata; a token that is itself ``#`` is a tab-separated row, not a comment). The text is
rebuilt from the tokens: a space after each token unless MISC says ``NoSpaceAfter``; a line end
(``EndOfLine``) becomes a space too, because chronique's sentence splitter treats newlines as
sentence ends and OCR lines cut sentences anywhere. Entities come from one column in IOB2
(default NE-COARSE-LIT); the metonymic reading (NE-COARSE-METO) and the Wikidata link (NEL-LIT)
of the span's first token are kept in ``GoldSpan.attrs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from chronique.errors import FormatError
from chronique.eval.gold import GoldDocument, GoldSpan, TextBuilder

DOCUMENT_KEY = "document_id"


class _Doc:
    def __init__(self, meta: dict[str, str]) -> None:
        self.meta = meta
        self.text = TextBuilder()
        self.spans: list[GoldSpan] = []
        self.open: tuple[int, int, str, dict[str, str]] | None = None  # start, end, label, attrs
        self.space_next = False

    def close_span(self) -> None:
        if self.open is not None:
            start, end, label, attrs = self.open
            self.spans.append(GoldSpan(start, end, label, self.text.text()[start:end], attrs))
            self.open = None

    def build(self) -> GoldDocument:
        self.close_span()
        date = self.meta.get("date")
        return GoldDocument(self.meta.get(DOCUMENT_KEY, "?"), self.text.text(), tuple(self.spans),
                            language=self.meta.get("language"), date=date, meta=dict(self.meta))


def _comment(line: str) -> tuple[str, str] | None:
    """``# hipe2022:date = 1888-08-03`` → ("date", "1888-08-03"); None if not a comment."""
    if not line.startswith("#") or "\t" in line:
        return None
    body = line.lstrip("#").strip()
    if "=" not in body:
        return ("", body)
    key, value = body.split("=", 1)
    return key.strip().rsplit(":", 1)[-1], value.strip()


def iter_hipe(lines: Iterable[str], *, where: str = "<hipe>", column: str = "NE-COARSE-LIT",
              meto_column: str = "NE-COARSE-METO", link_column: str = "NEL-LIT") -> Iterator[GoldDocument]:
    header: list[str] | None = None
    doc: _Doc | None = None
    pending_meta: dict[str, str] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            continue
        if header is None:
            header = line.split("\t")
            if "TOKEN" not in header or column not in header:
                raise FormatError(f"expected a header with TOKEN and {column}, found {header[:4]}…",
                                  where=where, record=number)
            continue
        comment = _comment(line)
        if comment is not None:
            key, value = comment
            if key == DOCUMENT_KEY:
                if doc is not None:
                    yield doc.build()
                doc = None
                pending_meta = {DOCUMENT_KEY: value}
            elif key:
                (doc.meta if doc is not None else pending_meta)[key] = value
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise FormatError(f"expected {len(header)} tab-separated columns, found {len(cells)}",
                              where=where, record=number)
        row = dict(zip(header, cells, strict=True))
        if doc is None:
            doc = _Doc(pending_meta)
            pending_meta = {}
        _add_token(doc, row, column, meto_column, link_column, where, number)
    if doc is not None:
        yield doc.build()


def _add_token(doc: _Doc, row: dict[str, str], column: str, meto_column: str, link_column: str,
               where: str, number: int) -> None:
    tag = row[column]
    misc = set(row.get("MISC", "_").split("|"))
    start, end = doc.text.add(row["TOKEN"], space_before=doc.space_next)
    doc.space_next = "NoSpaceAfter" not in misc
    if tag == "O" or tag == "_":
        doc.close_span()
        return
    if len(tag) < 3 or tag[:2] not in ("B-", "I-"):
        raise FormatError(f"expected a tag O, B-x or I-x in {column}, found {tag!r}", where=where, record=number)
    label = tag[2:]
    if tag.startswith("I-") and doc.open is not None and doc.open[2] == label:
        doc.open = (doc.open[0], end, label, doc.open[3])
        return
    doc.close_span()
    attrs: dict[str, str] = {}
    meto = row.get(meto_column, "O")
    if meto not in ("O", "_") and len(meto) > 2:
        attrs["meto"] = meto[2:]
    link = row.get(link_column, "_")
    if link not in ("_", "NIL", ""):
        attrs["wikidata"] = link
    doc.open = (start, end, label, attrs)


def read_hipe(path: Path, *, column: str = "NE-COARSE-LIT") -> list[GoldDocument]:
    with path.open(encoding="utf-8") as handle:
        return list(iter_hipe(handle, where=str(path), column=column))
