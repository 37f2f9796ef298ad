"""Names that hold a place's name but name something else: a sports team named by its town
(geo.teams), a currency ("US$5"), an organisation named by an acronym and its country ("CPA Canada", "UNICEF Ukraine"),
and the adjective opening a body's name that is a region's name only as a word of a longer one
("the Federal Government": "Federal" is an alternate of Brazil's "Federal District").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from chronique.geo.teams import names_team
from chronique.knowledge.gazetteer import AREA, CITY, COUNTRY, GeoEntry
from chronique.knowledge.geo_index import normalise_name

MAX_ACRONYM = 6


def named_thing(span: Span, lang: str, lookup: Callable[[str], list[GeoEntry]]) -> bool:
    """The place name is a team's (a country's own name never is: a national side stands for its
    country) or closes an organisation's name opened by an acronym that is no place."""
    key = normalise_name(span.text)
    return (names_team(span, lang) and not any(e.resolution == COUNTRY and normalise_name(e.name) == key
                                               for e in lookup(span.text))) or _after_acronym(span, lookup)


def currency_sign(span: Span) -> bool:
    """A country's short name glued to a currency sign ("US$5", "$US 1.5 million", "HK$") names
    a currency, not a place."""
    doc, start, end = span.doc, span.start, span.end
    after = end < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].is_currency
    before = start > 0 and doc[start - 1].whitespace_ == "" and doc[start - 1].is_currency
    return after or before


def _after_acronym(span: Span, lookup: Callable[[str], list[GeoEntry]]) -> bool:
    """An acronym that is no place right before the name, in the same name ("CPA Canada"; "US
    Mexico" is two places, "said NATO. Canada" two sentences). A town bearing the acronym only
    among its alternate names does not make it a place."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (before.is_alpha and before.is_upper and 2 <= len(before) <= MAX_ACRONYM and before.whitespace_ != ""
            and not span[0].is_sent_start and not any(
                e.resolution != CITY or normalise_name(e.name) == before.lower_ for e in lookup(before.text)))


def no_body_head(text: str, lookup: Callable[[str], list[GeoEntry]]) -> bool:
    """Words opening an organisation's name that are no place of it: an area spanning countries
    (an ocean, a continent: "the Atlantic Council", "Pacific Gas and Electric"), whatever town
    bears the name too; or a name every region or country of which bears it only as a word of its
    longer own name ("Federal" of "Federal District"): an adjective there."""
    key = normalise_name(text)
    entries = lookup(text)
    lands = [e for e in entries if e.resolution != CITY]
    return any(e.resolution == AREA for e in entries) or (bool(lands) and all(
        normalise_name(e.name) != key and key in normalise_name(e.name).split() for e in lands))
