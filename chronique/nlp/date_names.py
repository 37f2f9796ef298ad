"""Date sanity: a number inside a name is not a date.

"PzH 2000", "IRIS-T SLM 2024", "Windows 2000", "Agenda 2030", "loi n° 2021-1109": the number
follows a designation (letters with capitals inside, digits or hyphens: PzH, F-16, SLM) or a
capitalised word in mid-sentence that is no month or weekday, or it is a numbered text's
reference. Such a number says nothing about when anything happened.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from chronique.knowledge.number_words import number_words
from chronique.temporal.timex import Timex

_PREVIOUS_WORD = re.compile(r"(\S+)[ \t\u00a0]+$")
_SENTENCE_END = frozenset(".!?:;\n\"«»“”")
_DESIGNATION = re.compile(r"^(?=.*[A-Za-z])(?:[A-Za-z]*[a-z][A-Z]\w*|[A-Z]{2,}\w*|\w*\d\w*|[\w]+-[\w-]+)$")
LOOKBACK = 40  # characters before the number that can hold the word it follows


def _sentence_initial(text: str, word_start: int) -> bool:
    before = text[max(0, word_start - 3):word_start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_END


def number_in_name(text: str, timex: Timex, calendar_words: Collection[str]) -> bool:
    """Whether ``timex``, a bare number in ``text``, is part of a name or a reference."""
    if not timex.text.isdigit():
        return False
    after = text[timex.end:timex.end + 2]
    if len(after) == 2 and after[0] in "-/" and after[1].isdigit():
        return True  # "2021-1109", a text's number, not a year
    found = _PREVIOUS_WORD.search(text[max(0, timex.start - LOOKBACK):timex.start])
    if found is None:
        return False
    word = found.group(1).strip("(),'’\"")
    if word.lower() in number_words().number_signs:
        return True
    if not word or not word[0].isupper() or word.lower().strip(".") in calendar_words:
        return False
    word_start = timex.start - (len(found.group(0)))
    return bool(_DESIGNATION.match(word)) or not _sentence_initial(text, word_start)
