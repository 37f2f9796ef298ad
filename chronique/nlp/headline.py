"""A headline written in Title Case, read in sentence case.

English headlines often capitalise every word ("Governor Signs Budget Into Law"); the tagger then
reads every word as a proper noun and the rule coder finds no verb. The parser is given the
headline with the capitals of common words lowered: a word keeps its capital when the article's
body writes it capitalised inside a sentence (a name: "Tester", "Montana"), when it is an acronym,
or when it opens the headline. Only case changes, letter for letter, so offsets hold.
"""

from __future__ import annotations

import re

MIN_WORDS = 4
MAX_WORDS = 30
TITLE_CASE_SHARE = 0.7  # of the headline's words of 4+ letters, the share capitalised
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = frozenset(".!?:;\"“«—(\n")  # after these a capital may only open a sentence or quote


def _is_title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) / len(long) >= TITLE_CASE_SHARE


def _stem(word: str) -> str:
    return _POSSESSIVE.sub("", word).rstrip(".")


def _lowered(word: str) -> str:
    first = word[0].lower()
    return (first if len(first) == 1 else word[0]) + word[1:]


def _inner_capitals(body: str) -> set[str]:
    """Words the body writes as names (possessive 's left out): capitalised inside a sentence, or
    capitalised at a sentence start and never written in lower case."""
    inner: set[str] = set()
    opening: set[str] = set()
    lower: set[str] = set()
    for m in _WORD.finditer(body):
        word = _stem(m.group())
        if not word[0].isupper():
            lower.add(word.lower())
            continue
        before = body[max(0, m.start() - 8):m.start()].rstrip(" \t")  # a short window: long texts
        (inner if before and before[-1] not in _OPENERS else opening).add(word)
    return inner | {w for w in opening if w.lower() not in lower}


def sentence_case_headline(text: str) -> str:
    """``text`` with its first line in sentence case when that line is a Title Case headline;
    otherwise ``text`` itself. The result has the same length as ``text``."""
    end = text.find("\n")
    if end <= 0:
        return text
    line, body = text[:end], text[end:]
    words = [m for m in _WORD.finditer(line)]
    if not MIN_WORDS <= len(words) <= MAX_WORDS or line.rstrip()[-1:] in ".!?" \
            or not _is_title_case([m.group() for m in words]):
        return text
    names = _inner_capitals(body)
    out = list(line)
    for i, m in enumerate(words):
        word = m.group()
        keep = (i == 0 or not word[0].isupper() or word.isupper() or any(c.isupper() for c in word[1:])
                or _stem(word) in names)
        if not keep:
            out[m.start()] = _lowered(word)[0]
    return "".join(out) + body
