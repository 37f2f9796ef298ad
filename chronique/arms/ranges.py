"""Counts that are bounds or ranges ("up to 50 armoured vehicles", "between 10 and 20 tanks",
"entre huit et dix chars", "10 to 12 howitzers", "jusqu'à 14 chars"): the text states no single
count, so the record gives none. An approximate count ("about 30", "some 500", "près de 40") is
still the count the text gives."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.arms.numbers import is_number_word
from chronique.knowledge.arms_words import arms_words

LOOK_BACK = 3  # "as many as"


def ranged(doc: Doc, start: int) -> bool:
    """The count whose first word is token ``start`` is a bound or the end of a range."""
    words = arms_words()
    if start > 1 and doc[start - 1].lower_ in words.range_joiners and is_number_word(doc[start - 2].text):
        return True  # "10 to 12", "dix ou douze"
    before = [t.lower_ for t in doc[max(start - LOOK_BACK, 0):start]]
    for n in range(1, len(before) + 1):
        tail = before[-n:]
        if " ".join(tail) in words.bound_phrases or "".join(tail) in words.bound_phrases:
            return True  # "up to", "jusqu'à" (one token or two)
    return False
