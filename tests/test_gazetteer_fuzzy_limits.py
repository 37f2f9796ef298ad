"""Fuzzy lookup under strict limits: a misspelling keeps its first letter and is judged on the
name, not on a shared kind word. Invented towns."""

from __future__ import annotations

from chronique.knowledge.gazetteer import REGION, Gazetteer, GeoEntry
from chronique.knowledge.geo_index import build_city_index

CITIES = {
    # a town whose alternate names include a spelling of another language one letter from a word
    "1": {"geonameid": 1, "name": "Chesterby", "latitude": 53.2, "longitude": -2.9, "countrycode": "GB",
          "population": 90000, "alternatenames": ["Tsesterby"]},
    "2": {"geonameid": 2, "name": "Zaporivka", "latitude": 47.8, "longitude": 35.2, "countrycode": "UA",
          "population": 700000, "alternatenames": ["Zaporijka"]},
}


def gazetteer() -> Gazetteer:
    karsa = GeoEntry("Karsa Province", 40.5, 43.1, "TUR", "A", REGION, level=1)
    return Gazetteer([(karsa, [])], cities=build_city_index(CITIES), iso3={"GB": "GBR", "UA": "UKR"})


def test_a_fuzzy_match_keeps_the_first_letter_of_the_place_s_own_name() -> None:
    g = gazetteer()
    assert g.fuzzy("Testerby") == []  # near the alternate "Tsesterby", but Chesterby is no T-name
    found = g.fuzzy("Zaporijkka")  # a French-style spelling, near an alternate of the same letter
    assert found and found[0][0].name == "Zaporivka"


def test_a_shared_kind_word_does_not_make_two_names_alike() -> None:
    g = gazetteer()
    assert g.fuzzy("Kasai Province") == []  # "Karsa Province" shares "Province", not its name
    assert g.fuzzy("Karsaa Province")[0][0].name == "Karsa Province"  # a misspelling of the name itself
