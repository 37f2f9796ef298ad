"""The gazetteer: name keys, exact and fuzzy lookup, the cached city index, the data tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronique.errors import KnowledgeError
from chronique.knowledge.gazetteer import (
    AREA,
    CITY,
    COUNTRY,
    REGION,
    Gazetteer,
    GeoEntry,
    distance_km,
    region_entries,
)
from chronique.knowledge.geo_index import build_city_index, load_city_index, normalise_name

CITIES = {
    "1": {"geonameid": 1, "name": "Lysychansk", "latitude": 48.91, "longitude": 38.42, "countrycode": "UA",
          "population": 93000, "alternatenames": ["Lisichansk", "Лисичанськ"]},
    "2": {"geonameid": 2, "name": "Saint Petersburg", "latitude": 59.94, "longitude": 30.31, "countrycode": "RU",
          "population": 5000000, "alternatenames": ["Saint-Pétersbourg", "Leningrad"]},
    "3": {"geonameid": 3, "name": "Lysa", "latitude": 50.0, "longitude": 14.0, "countrycode": "CZ",
          "population": 1200, "alternatenames": []},
}


def small_gazetteer() -> Gazetteer:
    ukraine = GeoEntry("Ukraine", 49.0, 32.0, "UKR", "A", COUNTRY, geonameid=690791)
    donbas = GeoEntry("Donbas", 48.0, 38.0, "UKR", "L", REGION)
    return Gazetteer([(ukraine, ["Ukraine"]), (donbas, ["Donbass"])], cities=build_city_index(CITIES),
                     iso3={"UA": "UKR", "RU": "RUS", "CZ": "CZE"})


def test_names_are_compared_without_accents_case_dots_or_hyphens() -> None:
    assert normalise_name("Saint-Pétersbourg") == normalise_name("saint petersbourg")
    assert normalise_name("U.S.") == "us"
    assert normalise_name("Côte d’Ivoire") == normalise_name("Cote d'Ivoire")


def test_exact_lookup_finds_alternate_names_and_team_regions() -> None:
    g = small_gazetteer()
    [city] = g.lookup("Saint-Pétersbourg")
    assert (city.name, city.country_code, city.resolution, city.feature_class) == ("Saint Petersburg", "RUS", CITY, "P")
    assert g.lookup("Lisichansk")[0].geonameid == 1
    assert g.lookup("le Donbass") == []  # determiners are the tagger's business
    assert g.lookup("Donbass")[0].name == "Donbas"
    assert g.country("UKR") is not None and g.country("UKR").resolution == COUNTRY  # type: ignore[union-attr]


def test_fuzzy_lookup_catches_transliterations_of_towns_only() -> None:
    g = small_gazetteer()
    assert g.lookup("Lyssytchansk") == []
    found = g.fuzzy("Lyssytchansk")
    assert found and found[0][0].name == "Lysychansk" and found[0][1] >= 86
    assert all(e.geonameid != 3 for e, _ in g.fuzzy("Lyssa"))  # a village is never a fuzzy guess
    assert g.fuzzy("Kyiv") == []  # too short to guess from


def test_out_of_range_coordinates_are_refused() -> None:
    with pytest.raises(KnowledgeError):
        GeoEntry("Nowhere", 95.0, 10.0, None, "P", CITY)
    with pytest.raises(KnowledgeError):
        GeoEntry("Nowhere", 10.0, -181.0, None, "P", CITY)


def test_city_index_is_built_once_and_cached(tmp_path: Path) -> None:
    source = tmp_path / "cities.json"
    source.write_text(json.dumps(CITIES), encoding="utf-8")
    first = load_city_index(tmp_path / "cache", source=source)
    cached = list((tmp_path / "cache").iterdir())
    assert len(cached) == 1 and cached[0].suffix == ".pickle"  # no temporary file left behind
    source.unlink()  # the second load must not need the source
    second = load_city_index(tmp_path / "cache", source=source)
    assert second.keys == first.keys and len(second) == 3


def test_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    source = tmp_path / "cities.json"
    source.write_text(json.dumps(CITIES), encoding="utf-8")
    load_city_index(tmp_path, source=source)
    [cached] = list(tmp_path.glob("*.pickle"))
    cached.write_bytes(b"not a pickle")
    assert len(load_city_index(tmp_path, source=source)) == 3


def test_unreadable_city_file_is_a_knowledge_error(tmp_path: Path) -> None:
    source = tmp_path / "cities.json"
    source.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"cities\.json"):
        load_city_index(tmp_path / "cache", source=source)


def test_regions_table_is_well_formed() -> None:
    regions = region_entries()
    names = {e.name for e, _ in regions}
    assert {"Donbas", "Crimea", "Gaza Strip", "West Bank", "Kashmir", "Sahel", "Nagorno-Karabakh"} <= names
    for entry, aliases in regions:
        assert entry.resolution in (REGION, AREA)
        assert entry.country_code is None or len(entry.country_code) == 3
        assert all(a.strip() == a and a for a in aliases)


def test_distance() -> None:
    assert distance_km(48.91, 38.42, 48.91, 38.42) == 0.0
    assert 630 < distance_km(59.94, 30.31, 55.75, 37.62) < 640  # Saint Petersburg – Moscow


def test_fuzzy_length_window_loses_no_match_and_answers_repeat_questions_from_memory() -> None:
    from rapidfuzz import fuzz

    g = small_gazetteer()
    names = ["Lyssytchansk", "Lisitchansk", "Lysychanskk", "Sievierodonetsk", "Saint Petersbourgg"]
    for name in names:
        key = normalise_name(name)
        # the window only drops keys whose length alone keeps them under the cutoff
        every = [k for bucket in g._fuzzy_keys.get(key[0], {}).values() for k in bucket
                 if fuzz.ratio(key, k) >= 86.0]
        assert {e.name for e, _ in g.fuzzy(name)} >= {e.name for k in every for e in g.lookup(k)
                                                     if e.resolution != CITY or e.population >= 10_000}
    first = g.fuzzy("Lyssytchansk")
    first.clear()  # callers get their own list: the remembered answer is not theirs to change
    assert g.fuzzy("Lyssytchansk")


def test_towns_carry_their_admin1_code_and_us_states_theirs() -> None:
    from chronique.knowledge.gazetteer import us_state_codes

    cities = {"7": {"geonameid": 7, "name": "Gainesville", "latitude": 29.65, "longitude": -82.32,
                    "countrycode": "US", "population": 133000, "admin1code": "FL", "alternatenames": []},
              "8": {"geonameid": 8, "name": "Gainesville", "latitude": 34.3, "longitude": -83.82,
                    "countrycode": "US", "population": 42000, "alternatenames": []}}
    gazetteer = Gazetteer(cities=build_city_index(cities), iso3={"US": "USA"})
    assert sorted((e.geonameid, e.admin1) for e in gazetteer.lookup("Gainesville")) == [(7, "FL"), (8, None)]
    states = {"FL": {"code": "FL", "name": "Florida", "geonameid": 4155751}, "XX": {"code": "XX", "name": "?"}}
    assert us_state_codes(states) == {4155751: "FL"}


def test_a_team_region_takes_the_code_of_its_division() -> None:
    from chronique.knowledge.divisions import Division
    from chronique.knowledge.gazetteer import REGION, GeoEntry, with_division_codes
    team = [(GeoEntry("Bihar", 25.1, 85.3, "IND", "A", REGION), ["Bihār"]),
            (GeoEntry("Sahel", 15.0, 5.0, None, "L", 1), [])]
    divisions = [Division("Bihar", "IN", 1, 25.6, 85.6, 1000, "34", ("Bihar",), ("bihar",)),
                 Division("Bihar", "IN", 2, 25.0, 85.0, 100, "34", ("Bihar",), ("bihar",))]
    out = with_division_codes(team, divisions, {"IN": "IND"})
    assert out[0][0].admin1 == "34" and out[1][0].admin1 is None
    # two first-level divisions of the name in one country: no code
    twice = [*divisions, Division("Bihar", "IN", 1, 20.0, 80.0, 10, "35", ("Bihar",), ("bihar",))]
    assert with_division_codes(team, twice, {"IN": "IND"})[0][0].admin1 is None
