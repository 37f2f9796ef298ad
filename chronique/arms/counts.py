"""Counts told by a counting noun before the weapons ("un millier de drones", "a dozen M777
howitzers", "deux douzaines de canons Caesar", "two dozen tanks"): the noun's value, times the
cardinal before it. A counting noun with no number or single article before it ("des centaines
de drones", "hundreds of drones", "a few dozen") gives no count: the text states none."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.arms.numbers import is_number_word, parse_cardinal
from chronique.knowledge.number_words import number_words

OF_WORDS = frozenset({"de", "d'", "d’", "of"})  # "un millier de drones", "a dozen of the tanks"
NOUN_SKIP = 2  # nouns or adjectives of the weapon's phrase before it ("douzaines de canons Caesar")


def counted(first: Token) -> int | None:
    """The count a counting noun gives the weapon mention whose first token is ``first``."""
    known = number_words()
    doc, i = first.doc, first.i
    skipped = 0
    while (i > 0 and skipped < NOUN_SKIP and doc[i - 1].pos_ in ("NOUN", "ADJ", "PROPN")
           and doc[i - 1].lower_ not in known.count_nouns):
        i, skipped = i - 1, skipped + 1
    if i > 0 and doc[i - 1].lower_ in OF_WORDS:
        i -= 1
    if i == 0 or doc[i - 1].lower_ not in known.count_nouns:
        return None
    value = known.count_nouns[doc[i - 1].lower_]
    i -= 1
    words: list[str] = []
    while i > 0 and len(words) < 6 and is_number_word(doc[i - 1].text):
        words.insert(0, doc[i - 1].text)
        i -= 1
    if words:
        times = parse_cardinal(" ".join(words))
        return times * value if times else None
    return value if i > 0 and doc[i - 1].lower_ in known.single_articles else None
