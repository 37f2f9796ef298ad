"""Datelines: the town written in capitals at the head of a news line ("KATHMANDU, April 25
(Reuters) -", "LA CROSSE, Wis. (AP) —", "WASHINGTON —").

The parser's entity model reads words in capitals poorly (it tags "LA" of "LA CROSSE" alone, or
nothing), and the candidate finder (geo.candidates) never proposes a name in capitals. A line
that opens with one to four words in capitals followed by a comma, a dash or a bracket is a
dateline when the whole capitalised run, read in title case, is a name ``known`` accepts (the own
name of a region, or of a town big enough to be named alone): a heading in capitals ("MONTANT
REVERSÉ AUX GRÉVISTES") is no known name, nor is it followed by a dateline's mark.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

MAX_WORDS = 4
# what closes a dateline's town: a comma before the date or state, a dash before the story, the
# agency's bracket
_MARKS = frozenset({",", "-", "–", "—", "("})


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space


def _capitals(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (token.is_alpha and token.is_upper and len(token) > 1) or (
        # "D'ALENE", "ST." inside a name
        token.text.isupper() and any(c.isalpha() for c in token.text) and i > 0 and doc[i - 1].is_upper)


def dateline_spans(doc: Doc, known: Callable[[str], bool], taken: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """The capitalised town opening a news line, where ``known`` accepts its title-case name."""
    out: list[Span] = []
    for token in doc:
        i = token.i
        if not (_line_start(doc, i) and _capitals(doc, i)):
            continue
        end = i
        while end < len(doc) and end - i < MAX_WORDS and _capitals(doc, end):
            end += 1
        if end >= len(doc) or doc[end].text not in _MARKS:
            continue
        span = doc[i:end]
        if known(span.text.title()) and not any(s < span.end_char and span.start_char < e for s, e in taken):
            out.append(span)
    return out
