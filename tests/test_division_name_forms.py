"""Division names as the news writes them: a direction as noun, adjective or in French ("Nord
Kivu", "North Kivu", "Northern Kivu"), and a kind word after a name of generic words ("Plateau
State" is one state, "North-West Region" a part of any country). Invented divisions."""

from __future__ import annotations

from chronique.knowledge.divisions import build_divisions, division_names

RECORDS = [
    {"country_code": "CD", "city": "Bulengo", "latitude": -1.0, "longitude": 29.0, "population": 40000,
     "state": "Nord Lukavu"},
    {"country_code": "NG", "city": "Jopa", "latitude": 9.5, "longitude": 9.0, "population": 60000,
     "state": "Plateau State"},
    {"country_code": "CM", "city": "Bamo", "latitude": 6.0, "longitude": 10.0, "population": 30000,
     "state": "North-West Region"},
]


def test_a_direction_is_written_three_ways() -> None:
    names = division_names("Nord Lukavu", "CD")
    assert {"Nord Lukavu", "North Lukavu", "Northern Lukavu"} <= set(names)
    assert {"Southern Darvu", "Sud Darvu"} <= set(division_names("South Darvu", "SD"))
    assert division_names("Lukavu", "CD") == ["Lukavu"]  # no direction, no other form


def test_a_kind_word_after_a_generic_name_makes_it_a_name_of_one_division() -> None:
    divisions = {d.name: d for d in build_divisions(RECORDS)}
    assert "Plateau State" in divisions["Plateau State"].names
    assert "North Lukavu" in divisions["Nord Lukavu"].names
    assert divisions["North-West Region"].names == ()  # positions of any country name none
