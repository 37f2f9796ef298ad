"""Cardinal numbers written in digits or in words, French and English ("12", "1 200", "douze",
"vingt-quatre", "quatre-vingt-dix", "two hundred", "deux mille"), read as integers.

Only what a quantity of weapons needs: whole numbers, no ordinals, no decimals, no "dozens of".
"""

from __future__ import annotations

import re

from chronique.knowledge.number_words import number_words

_DIGITS = re.compile(r"^\d{1,3}(?:[\s\u202f\u00a0.,]\d{3})+$|^\d+$")
_SPLIT = re.compile(r"[\s\-\u2011]+")


def parse_cardinal(text: str) -> int | None:
    """The integer a cardinal written in digits or words stands for; None when it is not one."""
    flat = text.strip().lower()
    if not flat:
        return None
    if _DIGITS.match(flat):
        return int(re.sub(r"\D", "", flat))
    words = [w for w in _SPLIT.split(flat) if w]
    known = number_words()
    total = current = 0
    seen = False
    for n, word in enumerate(words):
        if word in known.fillers and seen:
            continue
        if word in known.units:
            value = known.units[word]
            # "quatre-vingt(s)": four twenties
            if value == 20 and n and words[n - 1] in known.twenty_multipliers:
                times = known.units[words[n - 1]]
                current = current - times + times * 20
            else:
                current += value
        elif word in known.hundreds:
            current = max(current, 1) * 100
        elif word in known.scales:
            total += max(current, 1) * known.scales[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def is_number_word(token: str) -> bool:
    """Whether one token can belong to a written cardinal ("1", "200", "vingt-quatre", "cents", "et")."""
    flat = token.lower()
    known = number_words()
    if _DIGITS.match(flat) or flat in known.fillers or flat in ("-", "\u2011"):
        return True
    parts = [w for w in _SPLIT.split(flat) if w]
    return bool(parts) and all(w in known.units or w in known.hundreds or w in known.scales for w in parts)
