"""Article-context resolution: the second look at towns once the article's regions are known.

Two kinds of evidence the name-by-name resolver (geo.resolve) cannot see:
- a container written beside the name: "Gainesville, Florida", "Charleston (West Virginia)",
  "Lens, France" — the town is taken among the namesakes inside that state or country;
- the regions in focus: an article that names West Virginia and then "Charleston" alone means
  the Charleston of that state, not the bigger one of South Carolina.
A town the resolver put in another country is left alone by the focus rule ("Paris" stays in
France in a story about Texas); only a namesake of the same country, or no pick at all, yields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chronique.geo.kinds import kind_name
from chronique.geo.lists import list_readings
from chronique.geo.resolve import Resolution, Resolver, prior
from chronique.knowledge.gazetteer import CITY, COUNTRY, REGION, GeoEntry, distance_km
from chronique.knowledge.geo_index import normalise_name

# "Town, State" / "Town (State)" / "Town in State" / "Valence, dans la Drôme" / "Mysuru, au Karnataka":
# what may stand between a town and its container
# ("de Paris au Caire" is a journey: "au" needs its comma)
_CONTAINER_GAP = re.compile(
    r"^\s*(?:\(|,|,?\s*(?:\bin\b|\bdans\b|\ben\b)(?:\s+(?:the|la|le)\b|\s+l['’])?|,\s*au\b)\s*$", re.IGNORECASE)
# a region without an admin-1 code (outside the US) holds the towns this close to its centre; a
# region written right after the town ("London, Ontario") is strong evidence, so its reach is
# that of a large province (provinces of Canada or Australia span well over 1,000 km)
REGION_KM = 350.0
COUNTY_KM = 80.0  # a county or district holds the towns this close to its centre
WRITTEN_REGION_KM = 1200.0
FOCUS_SCORE = 0.5  # the score a town chosen by its container or the region in focus is given
LIST_PASSES = 3  # resolutions again after lists are read by their kind (geo.lists), at most


@dataclass(frozen=True)
class Mention:
    """One place name of the article: its text and character offsets."""

    text: str
    start: int
    end: int


def inside(entry: GeoEntry, container: GeoEntry, reach_km: float = REGION_KM) -> bool:
    """Whether a town lies in a country or first-level region (admin-1 code, else distance)."""
    if entry is container or not entry.country_code or entry.country_code != container.country_code:
        return False
    if container.resolution == COUNTRY:
        return True
    if container.resolution != REGION:
        return False
    if container.level == 2:  # its admin-1 code is its state's: only distance tells
        return distance_km(entry.lat, entry.lon, container.lat, container.lon) <= COUNTY_KM
    if entry.admin1 and container.admin1:
        return entry.admin1 == container.admin1
    return distance_km(entry.lat, entry.lon, container.lat, container.lon) <= reach_km


def containers(text: str, mentions: Sequence[Mention]) -> dict[int, int]:
    """Mention index → index of the mention right after it that names its container."""
    out: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        here, after = mentions[i], mentions[i + 1]
        if after.start > here.end and _CONTAINER_GAP.match(text[here.end:after.start]):
            out[i] = i + 1
    return out


def resolve_in_context(resolver: Resolver, text: str, mentions: Sequence[Mention],
                       context: Sequence[str] = ()) -> list[Resolution]:
    """The resolver's picks, revised for towns by their written container and the regions in focus.

    A written container is read as any country or region of its name: in "Gainesville, Georgia"
    the town settles the container too (the US state, not the country). A kind word before a
    name ("the county of Bergen") makes it that kind's division (geo.kinds)."""
    names = [kind_name(resolver.gazetteer, text, m.start, m.text) for m in mentions]
    out = list(resolver.resolve_all(names, context))
    pairs = containers(text, mentions)
    # "Ukraine, Bosnia and Herzegovina and Georgia": a list's members share their kind, and the
    # member so read is evidence for the rest like any sure place ("Washington" after it is the capital)
    towns = {k for i, j in pairs.items() if _town_or_none(out[i]) for k in (i, j)}  # "Town, State": no list
    fixed: dict[int, GeoEntry] = {}
    for _ in range(LIST_PASSES):  # a member so read may sway a namesake in another list: read again
        read = {i: e for i, e in list_readings(resolver, text, mentions, names, out, towns).items() if i not in fixed}
        if not read:
            break
        fixed |= read
        out = list(resolver.resolve_all(names, context, fixed))
    settled: set[int] = set()
    for i, j in pairs.items():
        # a district of the town's name elsewhere yields too ("Hamirpur, Himachal Pradesh" is the
        # town of that state, not the district of Uttar Pradesh)
        if _town_or_none(out[i]) or _district(out[i]):
            holders = _holders(resolver, names[j])
            found = _within(resolver, names[i], holders, WRITTEN_REGION_KM, _district(out[i]))
            if found is not None and found.entry is not None:
                town = found.entry
                out[i] = found
                out[j] = Resolution(next(h for h in holders if inside(town, h, WRITTEN_REGION_KM)),
                                    max(out[j].score, FOCUS_SCORE))
                settled.update((i, j))
    # a name settled by its container once means the same place where the article repeats it bare
    by_name = {normalise_name(names[k]): out[k] for k in sorted(settled)}
    for i in range(len(out)):
        if i not in settled and (same := by_name.get(normalise_name(names[i]))) is not None:
            out[i] = same
            settled.add(i)
    focus = [r.entry for r in out if r.entry is not None and r.entry.resolution == REGION and r.entry.country_code]
    for i, resolution in enumerate(out):
        # a county of a state in focus too: "Scott County" in a story about Indiana is Indiana's
        if (i not in settled and (_town_or_none(resolution) or _district(resolution))
                and _may_yield(resolution.entry, focus, names[i])):
            out[i] = _within(resolver, names[i], focus, REGION_KM, _district(resolution), own_name=True) or resolution
    return out


def _holders(resolver: Resolver, name: str) -> list[GeoEntry]:
    """The countries and regions a written container may be: of its name, or the state whose name
    it is without "State" ("Pullman, Washington": the gazetteer keeps bare "Washington" for the
    capital and the state as "Washington State")."""
    found = [*resolver.gazetteer.lookup(name), *resolver.gazetteer.lookup(f"{name} State")]
    return [e for e in found if e.resolution in (COUNTRY, REGION)]


def _town_or_none(resolution: Resolution) -> bool:
    return resolution.entry is None or resolution.entry.resolution == CITY


def _district(resolution: Resolution) -> bool:
    return resolution.entry is not None and resolution.entry.level == 2


def _may_yield(entry: GeoEntry | None, focus: Sequence[GeoEntry], name: str) -> bool:
    """No pick, a pick abroad that bears the name only as an alternate ("Zion" for Jerusalem in a
    story about Lake County: a town of that own name in a region in focus wins, see ``_within``),
    or a town of a focus region's country that lies in none of them. ("Washington" for the city
    of Washington, D.C. is at home in a US story and stays.)"""
    if not focus:
        return False
    if entry is None or (normalise_name(entry.name) != normalise_name(name)
                         and all(entry.country_code != f.country_code for f in focus)):
        return True
    return (any(entry.country_code == f.country_code for f in focus)
            and not any(inside(entry, f) for f in focus))


def _within(resolver: Resolver, name: str, holders: Sequence[GeoEntry], reach_km: float,
            district: bool = False, own_name: bool = False) -> Resolution | None:
    """The likeliest exact namesake town inside one of ``holders`` (by population), if any; for a
    ``district`` pick, a namesake county or district inside them first, else a town. ``own_name``:
    only places whose own name it is (a region in focus must not pull "New York" to a Wisconsin
    village that has it among its alternate names)."""
    key = normalise_name(name)
    entries = [e for e in resolver.gazetteer.lookup(name) if not own_name or normalise_name(e.name) == key]
    pools = [[e for e in entries if e.level == 2]] if district else []
    pools.append([e for e in entries if e.resolution == CITY])
    for pool in pools:
        found = [e for e in pool if any(inside(e, h, reach_km) for h in holders)]
        if found:
            best = max(found, key=lambda e: (prior(e), e.population))
            return Resolution(best, max(FOCUS_SCORE, prior(best)))
    return None
