"""Toponym resolution: choose, for every place name of an article, one gazetteer entry or none.

Each candidate gets a prior from what it is (a country or a named region outranks a namesake
village; a big city outranks a small one) plus support from the article's context: the countries
it mentions, the countries of its actors and of its other, unambiguous places. Two passes: the
first resolves the names that need no context, the second uses what the first found.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from chronique.geo.kinds import bare_name, division_pool
from chronique.knowledge.gazetteer import AREA, CITY, COUNTRY, REGION, Gazetteer, GeoEntry, distance_km
from chronique.knowledge.geo_index import normalise_name

CONTEXT_BONUS = 0.35  # the candidate lies in a country the article is about
CAPITAL_BONUS = 0.1
NAME_BONUS = 0.1
# Places of one article cluster: a candidate near another, unambiguous place of the article
# (a town in the state or beside the city it names) gets this bonus.
NEAR_BONUS = 0.3
NEAR_KM = 400.0  # the mention is the entry's own name, not one of its alternates ("Mexico")
# A town this small is accepted only when its country is in the article's context: an unknown
# word must never be "resolved" to some village of the same name.
SMALL_TOWN = 5_000
MIN_SCORE = 0.3
# A first pick whose prior leads every distant namesake's by this much (about ten times the
# population) is as sure as an only candidate: it tells the article's country and anchors its
# neighbours ("Atlanta" makes "Georgia" the US state).
DOMINANCE = 0.11
# a namesake town this far behind the biggest one in prior (about a hundred times the population)
# takes a bonus only from a place of the article near it in its own first-level division
OVERWHELMED = 0.2
REGION_HOLDS_KM = 1200.0  # a town this close to a region's centre may lie in it (large provinces)
# A town smaller than this never takes the name of a country or continent it shares ("Asia" in
# Peru, "Lebanon" of Pennsylvania is bigger): the article would write its state or country beside it
NAMESAKE_OF_LAND = 100_000

_PRIOR = {COUNTRY: 1.2, AREA: 0.9, REGION: 0.9}
# A county or district is named less often than a town of its name elsewhere, more than a village
COUNTY_PRIOR = 0.5


@dataclass(frozen=True)
class Resolution:
    entry: GeoEntry | None
    score: float
    fuzzy: bool = False


def prior(entry: GeoEntry) -> float:
    """How likely a bare mention of this name means this entry, before any context."""
    if entry.level == 2:
        return COUNTY_PRIOR
    if entry.resolution in _PRIOR:
        return _PRIOR[entry.resolution]
    # log-population: 10 M → 0.8, 100 k → 0.57, 1 k → 0.34
    return 0.8 * min(1.0, math.log10(max(entry.population, 10)) / 7.0)


def near(entry: GeoEntry, anchors: Sequence[GeoEntry]) -> bool:
    """A town or region with another place of the article close by."""
    return entry.resolution in (CITY, REGION) and any(
        a is not entry and distance_km(a.lat, a.lon, entry.lat, entry.lon) <= NEAR_KM for a in anchors)


def score(entry: GeoEntry, context: Collection[str], fuzzy_score: float = 100.0, mention: str = "",
          is_near: bool = False, borough: bool = False) -> float:
    """``is_near``: a place of the article lies close (``near``). ``borough``: the entry is a part
    of a big city (Gazetteer.part_of_big_city); the country in context alone does not make it the
    one meant, a place of the article near it does: a story with a British tourist in "Edmonton" is
    about the Canadian city, not the London borough."""
    value = prior(entry)
    if is_near:
        value += NEAR_BONUS
    if entry.country_code and entry.country_code in context and (is_near or not borough):
        value += CONTEXT_BONUS
    if entry.capital_of:
        value += CAPITAL_BONUS
    if mention and normalise_name(entry.name) == normalise_name(mention):
        value += NAME_BONUS
    return value * (fuzzy_score / 100.0) ** 2


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, text: str) -> tuple[list[tuple[GeoEntry, float]], bool]:
        """(entry, name similarity) pairs; exact names first, a fuzzy search only when none."""
        exact = self.gazetteer.lookup(text)
        if not exact:
            # "Kasai Province": the divisions of the bare name, else whatever bears it (a city)
            bare = bare_name(text)
            exact = division_pool(self.gazetteer, text) or (self.gazetteer.lookup(bare) if bare else [])
        if exact:
            return [(e, 100.0) for e in exact], False
        seen: set[object] = set()
        found = []
        for entry, similarity in self.gazetteer.fuzzy(text):
            key = entry.geonameid or (entry.name, entry.lat, entry.lon)
            if key not in seen:
                seen.add(key)
                found.append((entry, similarity))
        return found, True

    def choose(self, mention: str, candidates: Sequence[tuple[GeoEntry, float]], context: Collection[str],
               fuzzy: bool, anchors: Sequence[GeoEntry] = ()) -> Resolution:
        best: Resolution = Resolution(None, 0.0, fuzzy)
        best_population = -1
        close = _close(candidates, anchors, mention)
        land = _names_land(mention, candidates)
        acronym = _acronym(mention)
        for entry, similarity in candidates:
            if entry.resolution == CITY and ((entry.population < SMALL_TOWN and entry.country_code not in context)
                                             or (land and entry.population < NAMESAKE_OF_LAND)):
                continue
            # a misspelling is read only as a place of a country the article is about ("Arguin" in a
            # story on the Gironde coast is no Argun of Chechnya), or as a country or area itself
            if fuzzy and entry.resolution not in (COUNTRY, AREA) and entry.country_code not in context:
                continue
            # "AI", "UN": a town is never met by an acronym that is only one of its alternate names
            if acronym and entry.resolution == CITY and normalise_name(entry.name) != normalise_name(mention):
                continue
            borough = entry.country_code in context and self.gazetteer.part_of_big_city(entry)
            value = score(entry, context, similarity, mention, id(entry) in close, borough)
            # equal scores (six counties called "Lake County"): the more populous is the likelier
            if value > best.score or (value == best.score and entry.population > best_population):
                best = Resolution(entry, value, fuzzy)
                best_population = entry.population
        return best if best.score >= MIN_SCORE else Resolution(None, best.score, fuzzy)

    def resolve_all(self, names: Sequence[str], context: Iterable[str] = (),
                    fixed: Mapping[int, GeoEntry] | None = None) -> list[Resolution]:
        """One Resolution per name, in order; ``context``: ISO-3 codes known from elsewhere (actors);
        ``fixed``: names whose entry is already known (a list's kind, geo.lists), sure places."""
        fixed = fixed or {}
        pools = [([(fixed[i], 100.0)], False) if i in fixed else self.candidates(n) for i, n in enumerate(names)]
        outside = Counter(set(context))
        first = [self.choose(n, c, outside, f) for n, (c, f) in zip(names, pools, strict=True)]
        # Only confident, unambiguous findings feed the context of the second pass; a mention
        # never supports itself ("Georgia" alone must not vote for the country Georgia).
        own: list[str | None] = []
        for resolution, (pool, _) in zip(first, pools, strict=True):
            entry = resolution.entry
            confident = entry and entry.country_code and (entry.resolution == COUNTRY or len(pool) == 1
                                                          or _dominant(entry, pool))
            own.append(entry.country_code if confident and entry else None)
        found = outside + Counter(code for code in own if code)
        # towns and regions that are the only place of their name anchor their neighbours
        anchors = [(i, r.entry) for i, (r, (pool, fuzzy)) in enumerate(zip(first, pools, strict=True))
                   if r.entry and r.entry.resolution in (CITY, REGION) and not fuzzy
                   and (len(pool) == 1 or _dominant(r.entry, pool))]
        by_entry = _anchor_groups(anchors)
        out = []
        for i, (name, (pool, fuzzy), code) in enumerate(zip(names, pools, own, strict=True)):
            context_here = found - Counter([code]) if code else found
            key = normalise_name(name)
            near = [entry for entry, name_key, mentions in by_entry.values() if name_key != key and mentions != {i}]
            out.append(self.choose(name, pool, +context_here, fuzzy, near))
        return out


def _acronym(mention: str) -> bool:
    """Two or three capitals without dots ("AI", "UN"): an acronym, whose towns are only the ones
    the gazetteer lists under it as their own name. Dotted forms ("L.A.", "D.C.") abbreviate a
    place on purpose and keep the towns they stand for."""
    return 2 <= len(mention) <= 3 and mention.isalpha() and mention.isupper()


def _names_land(mention: str, pool: Sequence[tuple[GeoEntry, float]]) -> bool:
    """The mention is the own name of a country or continent of the pool ("Asia", "Jordan")."""
    key = normalise_name(mention)
    return bool(mention) and any(e.resolution in (COUNTRY, AREA) and normalise_name(e.name) == key for e, _ in pool)


def _close(pool: Sequence[tuple[GeoEntry, float]], anchors: Sequence[GeoEntry], mention: str = "") -> set[int]:
    """ids of the candidates with a place of the article close by. A region holding a close town
    of its own name is close too: the places beside the city of Québec lie in the province of
    Quebec, and they must not tell the one from the other."""
    if not anchors:
        return set()
    # a town about a hundred times smaller than a namesake is made the one meant only by a place of
    # the article in its own state or province ("London" beside Laurel County, Ky.), not by a
    # neighbour across a state line ("Dallas" beside Seattle is still Texas's, not Oregon's town)
    key = normalise_name(mention)
    top = max((prior(e) for e, _ in pool if e.resolution == CITY and normalise_name(e.name) == key), default=0.0)

    def supported(e: GeoEntry) -> bool:
        if e.resolution != CITY or prior(e) > top - OVERWHELMED:
            return near(e, anchors)
        return near(e, [a for a in anchors if a.country_code == e.country_code and a.admin1 == e.admin1])

    towns = [e for e, _ in pool if e.resolution == CITY and supported(e)]
    return {id(e) for e, _ in pool if supported(e) or (e.resolution == REGION and any(
        t.country_code == e.country_code and distance_km(t.lat, t.lon, e.lat, e.lon) <= REGION_HOLDS_KM
        for t in towns))}


def _rivals(entry: GeoEntry, pool: Sequence[tuple[GeoEntry, float]]) -> Iterator[GeoEntry]:
    """The namesakes that are other places: far from ``entry`` (a city and the district of its
    name are one place)."""
    for other, _ in pool:
        if other is not entry and distance_km(other.lat, other.lon, entry.lat, entry.lon) > NEAR_KM:
            yield other


def _dominant(entry: GeoEntry, pool: Sequence[tuple[GeoEntry, float]]) -> bool:
    """Whether ``entry`` leads every other place of its name by DOMINANCE in prior."""
    return all(prior(entry) - prior(other) >= DOMINANCE for other in _rivals(entry, pool))


def _anchor_groups(anchors: list[tuple[int, GeoEntry]]) -> dict[int, tuple[GeoEntry, str, set[int]]]:
    """Each anchoring entry once (by identity, as ``score`` compares them), with its normalised
    name and the mentions that found it. The NEAR bonus asks whether *some* other entry lies near,
    so an entry named a hundred times (a long or repetitive text) is one anchor, not a hundred."""
    groups: dict[int, tuple[GeoEntry, str, set[int]]] = {}
    for i, entry in anchors:
        groups.setdefault(id(entry), (entry, normalise_name(entry.name), set()))[2].add(i)
    return groups
