"""Rule-based sentence boundaries: line breaks first, then terminal punctuation.

The statistical parsers split wire copy badly (headlines, datelines, quotes), so boundaries are
set before the parser runs; spaCy's parser keeps preset boundaries.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from chronique.nlp.furniture import find_furniture

_NOT_START = int(numpy.array(-1, dtype=numpy.int64).astype(numpy.uint64))

TERMINALS = frozenset({".", "!", "?", "…", "...", "!?", "?!"})
CLOSERS = frozenset({"»", "”", '"', ")", "’", "'"})


def _ends_sentence(prev: Token) -> bool:
    if prev.text in TERMINALS:
        return True
    # « … fin. » Suite — a closing quote after terminal punctuation ends the sentence too.
    if prev.text in CLOSERS and prev.i > 0:
        before = prev.doc[prev.i - 1]
        return before.text in TERMINALS
    return False


OPENERS = frozenset({"«", "“", '"', "(", "[", "—", "-", "‘"})


def _can_open(token: Token) -> bool:
    """Closing punctuation never starts a sentence; words and opening quotes may."""
    return not token.is_punct or token.is_left_punct or token.text in OPENERS


class SentenceSplitter:
    """Sets the sentence start of every token; runs before the parser."""

    def __call__(self, doc: Doc) -> Doc:
        # All flags are set in one from_array call: spaCy's ``is_sent_start`` setter scans the whole
        # Doc for a parse at each call, which made this stage quadratic in the length of the text.
        furniture = find_furniture(doc.text)
        starts = sentence_starts(doc)
        for dateline in (f for f in furniture if f.kind == "dateline"):
            _start_after(doc, dateline.end, starts)
        flags = numpy.array(starts, dtype=numpy.uint64).reshape(-1, 1)
        if len(flags):
            doc.from_array([SENT_START], cast(Ints2d, flags))
        # page structure is read with the sentences: later stages skip what is not the story
        doc._.ch_furniture = [{"start": f.start, "end": f.end, "kind": f.kind} for f in furniture]
        return doc


def _start_after(doc: Doc, offset: int, flags: list[int]) -> None:
    """Start a sentence at the first word at or after ``offset``: the story after a dateline
    ("BAMAKO (Reuters) — Troops attacked…") is parsed apart from it, so the place and the agency
    are no subject of its verb."""
    for token in doc:
        if token.idx >= offset and not token.is_space:
            flags[token.i] = 1
            return


def sentence_starts(doc: Doc) -> list[int]:
    """1 for a token that starts a sentence, -1 (stored unsigned, as spaCy's arrays are) otherwise."""
    flags: list[int] = []
    pending = True  # the next non-space token starts a sentence
    last: Token | None = None  # the last non-space token
    for token in doc:
        if token.is_space:
            start = token.i == 0
            if "\n" in token.text:
                pending = True
        else:
            start = pending or (last is not None and _ends_sentence(last) and _can_open(token))
            pending = False
            last = token
        flags.append(1 if start else _NOT_START)
    return flags
