"""Countries an article names by a demonym without its compass word: "Korean" for South Korean,
"coréen" for sud-coréen. Reporting on the arms trade drops the compass word once the country is
plain ("the Korean defence minister", "des chars coréens K2"); such a word names the weapon's
maker country when the catalogue gives that country as the weapon's origin, which settles
whether north or south is meant."""

from __future__ import annotations

import re
from functools import cache

from chronique.knowledge.countries import french_inflections
from chronique.knowledge.datafiles import read_data_csv, split_forms

# compass words that open a demonym ("South Korean", "sud-coréen"), lower case
COMPASS = ("south ", "north ", "sud-", "nord-")


@cache
def _short_forms() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    found: dict[str, set[str]] = {}
    for row in read_data_csv("demonyms.csv"):
        for form in split_forms(row["forms"]):
            prefix = next((c for c in COMPASS if form.lower().startswith(c)), None)
            if prefix is None:
                continue
            rest = form[len(prefix):]
            for word in french_inflections(rest) if row["lang"] == "fr" else [rest]:
                found.setdefault(word.lower(), set()).add(row["iso3"])
    body = "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), {w: frozenset(c) for w, c in found.items()}


def short_demonym_codes(text: str) -> frozenset[str]:
    """Every country a compass-less demonym of ``text`` may name ("Korean": KOR and PRK); the
    caller keeps the one the weapon's origin picks. A form preceded by its compass word is the
    full demonym, which the actor stage already codes."""
    regex, forms = _short_forms()
    codes: set[str] = set()
    for match in regex.finditer(text):
        before = text[max(0, match.start() - 6):match.start()].lower()
        if not before.endswith(COMPASS):
            codes |= forms[match.group(0).lower()]
    return frozenset(codes)
