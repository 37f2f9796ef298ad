"""BIO / CoNLL reader: one ``TOKEN TAG`` per line (space or tab), tags in IOB1 or IOB2.

Blank lines end sentences and ``-DOCSTART-`` lines end documents. Some corpora (EuropeanaNewspapers'
enp_FR.bnf.bio) have neither: then a sentence ends after a final ``.``/``!``/``?`` tagged O, and
sentences are grouped into pseudo-documents of at most ``max_chars`` characters, numbered in order.
The original spacing is lost, so the text is rebuilt with French/English typographic rules (no
space before ``,`` ``.`` ``)``, none after ``(`` or an elided ``l'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from chronique.errors import FormatError
from chronique.eval.gold import GoldDocument, GoldSpan, TextBuilder

SENTENCE_END = frozenset({".", "!", "?"})
NO_SPACE_BEFORE = frozenset({",", ".", ")", "]", "}", "...", "…"})
NO_SPACE_AFTER = frozenset({"(", "[", "{"})


@dataclass(frozen=True)
class Token:
    text: str
    tag: str  # "O", "I-PER", "B-LOC"…
    line: int


def _entity_type(tag: str) -> str | None:
    return None if tag == "O" else tag[2:]


def parse_lines(lines: Iterable[str], where: str) -> Iterator[list[Token] | None]:
    """Sentences as token lists; ``None`` marks a document boundary."""
    sentence: list[Token] = []
    explicit = False  # blank lines present: they alone end sentences
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            explicit = True
            if sentence:
                yield sentence
                sentence = []
            continue
        if line.startswith("-DOCSTART-"):
            if sentence:
                yield sentence
                sentence = []
            yield None
            continue
        parts = line.rsplit(maxsplit=1)
        if len(parts) != 2:
            raise FormatError(f"expected 'TOKEN TAG', found {line!r}", where=where, record=number)
        token, tag = parts
        if tag != "O" and (len(tag) < 3 or tag[:2] not in ("B-", "I-")):
            raise FormatError(f"expected a tag O, B-X or I-X, found {tag!r}", where=where, record=number)
        sentence.append(Token(token, tag, number))
        if not explicit and token in SENTENCE_END and tag == "O":
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def _spans_of(sentence: list[Token]) -> list[tuple[int, int, str]]:
    """Entities as [first, last] token indices and type; IOB1 and IOB2 both understood."""
    spans: list[tuple[int, int, str]] = []
    current: list[int | str] | None = None
    previous = "O"
    for i, token in enumerate(sentence):
        kind = _entity_type(token.tag)
        continues = (kind is not None and token.tag.startswith("I-") and _entity_type(previous) == kind)
        if current is not None and not continues:
            spans.append((int(current[0]), int(current[1]), str(current[2])))
            current = None
        if kind is not None and not continues:
            current = [i, i, kind]
        elif continues and current is not None:
            current[1] = i
        previous = token.tag
    if current is not None:
        spans.append((int(current[0]), int(current[1]), str(current[2])))
    return spans


class _DocumentBuilder:
    def __init__(self) -> None:
        self.text = TextBuilder()
        self.spans: list[GoldSpan] = []
        self.sentences = 0
        self.first_line = 0

    def add_sentence(self, sentence: list[Token]) -> None:
        if not self.sentences:
            self.first_line = sentence[0].line
        self.sentences += 1
        offsets: list[tuple[int, int]] = []
        previous = ""
        for token in sentence:
            space = not (token.text in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER
                         or previous.endswith(("'", "’")))
            offsets.append(self.text.add(token.text, space_before=space))
            previous = token.text
        built = self.text.text()
        for first, last, kind in _spans_of(sentence):
            start, end = offsets[first][0], offsets[last][1]
            self.spans.append(GoldSpan(start, end, kind, built[start:end]))

    def build(self, doc_id: str, language: str | None) -> GoldDocument:
        return GoldDocument(doc_id, self.text.text(), tuple(self.spans), language=language,
                            meta={"first_line": str(self.first_line), "sentences": str(self.sentences)})


def read_bio(path: Path, *, language: str | None = None, max_chars: int = 1500) -> list[GoldDocument]:
    """Documents of a BIO file; without -DOCSTART- lines, pseudo-documents of about ``max_chars``."""
    with path.open(encoding="utf-8") as handle:
        return list(iter_bio(handle, where=str(path), language=language, max_chars=max_chars,
                             prefix=path.stem))


def iter_bio(lines: Iterable[str], *, where: str = "<bio>", language: str | None = None,
             max_chars: int = 1500, prefix: str = "doc") -> Iterator[GoldDocument]:
    builder = _DocumentBuilder()
    count = 0
    delimited = False  # the file marks documents itself: never cut them

    def flush() -> GoldDocument:
        nonlocal builder, count
        count += 1
        doc = builder.build(f"{prefix}-{count:05d}", language)
        builder = _DocumentBuilder()
        return doc

    for sentence in parse_lines(lines, where):
        if sentence is None:
            delimited = True
            if builder.sentences:
                yield flush()
            continue
        length = sum(len(t.text) + 1 for t in sentence)
        if not delimited and builder.sentences and len(builder.text) + length > max_chars:
            yield flush()
        builder.add_sentence(sentence)
    if builder.sentences:
        yield flush()
