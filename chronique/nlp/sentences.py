"""Rule-based sentence boundaries: line breaks first, then terminal punctuation.

The statistical parsers split wire copy badly (headlines, datelines, quotes), so boundaries are
set before the parser runs; spaCy's parser keeps preset boundaries.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.nlp.furniture import find_furniture

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
    """Sets ``is_sent_start`` on every token; runs before the parser."""

    def __call__(self, doc: Doc) -> Doc:
        pending = True  # the next non-space token starts a sentence
        last: Token | None = None  # the last non-space token
        for token in doc:
            if token.is_space:
                token.is_sent_start = token.i == 0
                if "\n" in token.text:
                    pending = True
                continue
            if pending:
                token.is_sent_start = True
            else:
                token.is_sent_start = last is not None and _ends_sentence(last) and _can_open(token)
            pending = False
            last = token
        # page structure is read with the sentences: later stages skip what is not the story
        doc._.ch_furniture = [{"start": f.start, "end": f.end, "kind": f.kind} for f in find_furniture(doc.text)]
        return doc
