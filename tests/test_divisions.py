"""Administrative divisions from town records: centre, admin-1 code, names, and what is left out."""

from __future__ import annotations

import pytest

from chronique.knowledge.divisions import Division, build_divisions, division_names
from chronique.knowledge.gazetteer import REGION, Gazetteer, GeoEntry, division_entries
from chronique.knowledge.geo_index import build_city_index

# invented towns of two invented divisions of India and one of the US
RECORDS = [
    {"country_code": "IN", "city": "Varapur", "latitude": 12.0, "longitude": 77.0, "population": 50000,
     "state": "Kollam Pradesh", "county": "Varapur"},
    {"country_code": "IN", "city": "Tiruvel", "latitude": 13.0, "longitude": 78.0, "population": 20000,
     "state": "Kollam Pradesh", "county": "Eastfold District"},
    {"country_code": "IN", "city": "Manakad", "latitude": 14.0, "longitude": 79.0, "population": 900000,
     "state": "Manakad", "county": "Manakad"},
    {"country_code": "US", "city": "Orlow", "latitude": 38.0, "longitude": -85.0, "population": 3000,
     "state": "Kentucky", "county": "Brisco County"},
]
CITIES = {"1": {"geonameid": 1, "name": "Varapur", "latitude": 12.0, "longitude": 77.0, "countrycode": "IN",
                "population": 50000, "admin1code": "19", "alternatenames": []},
          "2": {"geonameid": 2, "name": "Tiruvel", "latitude": 13.0, "longitude": 78.0, "countrycode": "IN",
                "population": 20000, "admin1code": "19", "alternatenames": []}}
ISO3 = {"IN": "IND", "US": "USA"}


def by_name() -> dict[str, Division]:
    return {d.name: d for d in build_divisions(RECORDS, build_city_index(CITIES))}


def test_a_division_stands_at_the_median_of_its_towns_with_their_admin1_code() -> None:
    state = by_name()["Kollam Pradesh"]
    assert (state.level, state.lat, state.lon, state.population, state.admin1) == (1, 12.5, 77.5, 70000, "19")
    county = by_name()["Brisco County"]
    assert (county.level, county.country, county.admin1) == (2, "US", "")


def test_short_names_drop_the_generic_word_and_a_town_of_the_same_name_keeps_it() -> None:
    divisions = by_name()
    assert divisions["Eastfold District"].names == ("Eastfold District", "Eastfold")
    assert divisions["Eastfold District"].keys == ("eastfold district", "eastfold")
    assert divisions["Brisco County"].names == ("Brisco County",)  # a US county keeps "County"
    assert division_names("Kisumu County", "KE") == ["Kisumu County", "Kisumu"]
    assert divisions["Manakad"].names == ()  # the big town of its name is meant
    assert divisions["Varapur"].names == ()  # a district named after its town


def test_a_district_yields_its_name_to_a_bigger_town_of_the_country() -> None:
    records = [{"country_code": "IN", "city": "Pallam", "latitude": 10.0, "longitude": 76.0, "population": 4000,
                "state": "Kollam Pradesh", "county": "Tiruvel"}]
    # Tiruvel the town (20,000, elsewhere) is bigger than the district's listed towns (4,000)
    assert build_divisions(records, build_city_index(CITIES))[1].names == ()
    assert build_divisions(records)[1].names == ("Tiruvel",)  # without a town index, nothing to yield to


def test_divisions_become_regions_unless_the_team_tables_name_them() -> None:
    team = [(GeoEntry("Kentucky", 37.5, -85.3, "USA", "A", REGION, admin1="KY"), ["Ky."]),
            (GeoEntry("Eastfold", 13.0, 78.0, "IND", "L", REGION), [])]
    cities = build_city_index(CITIES)
    entries = division_entries(build_divisions(RECORDS, cities), ISO3, team)
    keys = {e.name: (e.level, keys) for e, keys in entries}
    assert keys["Kollam Pradesh"] == (1, ["kollam pradesh"])
    assert keys["Eastfold District"] == (2, ["eastfold district"])  # the short name is the team's
    assert "Kentucky" not in keys  # the team lists the US states with their codes
    gazetteer = Gazetteer(cities=cities, iso3=ISO3, keyed=entries)
    assert [e.resolution for e in gazetteer.lookup("Brisco County")] == [REGION]
    assert gazetteer.fuzzy("Brisco Countyy") == []  # districts are exact names only


def test_generic_words_alone_are_no_division() -> None:
    records = [{"country_code": "IN", "city": "Pallam", "latitude": 10.0, "longitude": 76.0, "population": 4000,
                "state": "Central", "county": "North District"}]
    assert division_entries(build_divisions(records), ISO3, []) == []


def test_a_division_also_answers_to_its_listed_other_names() -> None:
    records = [{"country_code": "IN", "city": "Pallam", "latitude": 10.0, "longitude": 76.0, "population": 4000,
                "state": "Kollam Pradesh"}]
    aliases = {("IN", "Kollam Pradesh"): ["Kollam-Pradech"]}
    entries = division_entries(build_divisions(records), ISO3, [], aliases=aliases)
    assert Gazetteer(keyed=entries).lookup("Kollam Pradech")[0].name == "Kollam Pradesh"


def test_the_packaged_alias_table_names_real_divisions_of_the_source() -> None:
    from chronique.knowledge.divisions import load_divisions
    from chronique.knowledge.gazetteer import division_aliases

    # first-level divisions, and second-level ones the news names in French ("Corse-du-Sud")
    divisions = {(d.country, d.name) for d in load_divisions() if d.level in (1, 2)}
    if not divisions:
        pytest.skip("the divisions' source package is not installed")
    assert set(division_aliases()) <= divisions


def test_words_of_nature_alone_are_no_division() -> None:
    records = [{"country_code": "IN", "city": "Pallam", "latitude": 10.0, "longitude": 76.0, "population": 4000,
                "state": "Lakes", "county": "Upper Valley"}]
    assert [d.names for d in build_divisions(records)] == [(), ()]


def test_a_state_yields_its_name_to_a_big_town_the_town_index_spells_as_the_news_does() -> None:
    # the source spells the seat in the local language; the town index has the English name
    records = [{"country_code": "CH", "city": "Lémanville", "latitude": 46.2, "longitude": 6.1,
                "population": 200000, "state": "Lemanton"},
               {"country_code": "CH", "city": "Petitbourg", "latitude": 46.3, "longitude": 6.2,
                "population": 5000, "state": "Lemanton"}]
    cities = {"3": {"geonameid": 3, "name": "Lemanton", "latitude": 46.2, "longitude": 6.1, "countrycode": "CH",
                    "population": 200000, "admin1code": "GE", "alternatenames": ["Lémanville"]},
              "4": {"geonameid": 4, "name": "Petitbourg", "latitude": 46.3, "longitude": 6.2, "countrycode": "CH",
                    "population": 5000, "admin1code": "GE", "alternatenames": []}}
    assert build_divisions(records, build_city_index(cities))[0].names == ()
    small = {k: {**v, "population": 50000} for k, v in cities.items()}
    assert build_divisions(records, build_city_index(small))[0].names == ("Lemanton",)  # a small town is not meant
