"""A page's headline as the first line of its text.

Extraction from HTML gives the title apart from the body, and the body of most pages starts after
the headline; yet the headline is where a news page tells its main event. A page's title tag also
carries the site's name and bylines ("… | The Daily | by Jane Doe"), which are not the headline.
"""

from __future__ import annotations

import re

# Separators between a headline and the site's name in a title tag (spaces around them, so a
# hyphenated word or "Paris-8" is no separator).
_SEPARATOR = re.compile(r"(\s+(?:\||\*|-|–|—|::|·)\s+)")
MAX_SUFFIX_WORDS = 5  # a site name or byline; a longer trailing part is part of the headline
LOOKAHEAD_LINES = 3  # the body may already open with the headline (after a kicker or so)
_FOLD = re.compile(r"[\W_]+")


def clean_title(title: str | None) -> str:
    """The headline of a title tag: trailing short parts after a separator (site name, byline)
    dropped, as long as a longer part remains."""
    if not title:
        return ""
    parts = _SEPARATOR.split(" ".join(title.split()))  # text, separator, text, …
    while len(parts) > 1 and len(parts[-1].split()) <= MAX_SUFFIX_WORDS \
            and len(parts[-1]) < len("".join(parts[:-2])):
        del parts[-2:]
    return "".join(parts).strip()


def _fold(text: str) -> str:
    return _FOLD.sub(" ", text.casefold()).strip()


def with_headline(text: str, title: str | None) -> str:
    """``text`` with the cleaned headline as its first line, unless the body already tells it in
    its first lines (or the title is empty)."""
    headline = clean_title(title)
    folded = _fold(headline)
    if not folded:
        return text
    lines = [_fold(line) for line in text.splitlines() if line.strip()][:LOOKAHEAD_LINES]
    if any(line.startswith(folded) or (len(line) > 20 and folded.startswith(line)) for line in lines):
        return text
    return f"{headline}\n{text}"
