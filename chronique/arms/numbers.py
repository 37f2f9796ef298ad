"""Cardinal numbers written in digits or in words, French and English ("12", "1 200", "douze",
"vingt-quatre", "quatre-vingt-dix", "two hundred", "deux mille"), read as integers.

Only what a quantity of weapons needs: whole numbers, no ordinals, no decimals, no "dozens of".
"""

from __future__ import annotations

import re

UNITS = {
    # French
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDREDS = frozenset({"cent", "cents", "hundred"})
SCALES = {"mille": 1_000, "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000}
FILLERS = frozenset({"et", "and"})
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
    total = current = 0
    seen = False
    for n, word in enumerate(words):
        if word in FILLERS and seen:
            continue
        if word in UNITS:
            value = UNITS[word]
            # "quatre-vingt(s)": four twenties
            if value == 20 and n and words[n - 1] == "quatre":
                current = current - 4 + 80
            else:
                current += value
        elif word in HUNDREDS:
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def is_number_word(token: str) -> bool:
    """Whether one token can belong to a written cardinal ("1", "200", "vingt-quatre", "cents", "et")."""
    flat = token.lower()
    if _DIGITS.match(flat) or flat in FILLERS or flat in ("-", "\u2011"):
        return True
    parts = [w for w in _SPLIT.split(flat) if w]
    return bool(parts) and all(w in UNITS or w in HUNDREDS or w in SCALES for w in parts)
