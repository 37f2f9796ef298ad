"""Dotted abbreviations of regions ("Mass.", "Man.", "Conn.", "Ariz."): a place only with their dot.

The gazetteer matches names without their punctuation, so "Mass" in "Mass movements" and "Man" in
"Man, the Air Force does cool things" met Massachusetts and Manitoba. News writes these short forms
with their dot ("Springfield, Mass."); without it the word is a word. A town whose own name it is
("fighting in Man", Ivory Coast) is still named after a place preposition or a comma.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from chronique.knowledge.gazetteer import region_entries
from chronique.knowledge.geo_index import normalise_name


@cache
def dotted_abbreviations() -> frozenset[str]:
    """The normalised short forms the team's region table writes with a final dot."""
    return frozenset(normalise_name(name) for _, names in region_entries() for name in names if name.endswith("."))


def bare_abbreviation(span: Span, place_prepositions: frozenset[str]) -> bool:
    """``span`` is such a short form written without its dot, with no place preposition or comma
    before it ("Mass movements", "Man, the …"; not "Lowell, Mass." nor "in Man")."""
    # capitals alone are an acronym, written without dots as often as with them ("NC", "USSR")
    if span.text.isupper() or normalise_name(span.text) not in dotted_abbreviations() or span.text.endswith("."):
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == "." and not doc[span.end - 1].whitespace_:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before not in place_prepositions and before != ","
