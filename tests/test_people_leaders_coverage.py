"""Coverage of the leaders table beyond Europe, the G20 and the Middle East: the countries that
dominate conflict reporting in Asia, Latin America and Africa, and surname aliases that stay safe."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pytest

from chronique.knowledge.actors import fold


def _rows() -> list[dict[str, str]]:
    path = resources.files("chronique.knowledge") / "data" / "people_leaders.csv"
    with path.open("r", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


ROWS = _rows()
# Haiti is left out on purpose: its presidency has been vacant or collective since July 2021.
_CODES = (
    "PRK AFG PAK BGD LKA MMR THA VNM PHL MYS KAZ UZB VEN CUB COL PER CHL NIC NGA ETH ERI KEN UGA RWA COD "
    "CAF TCD NER MLI BFA SEN CIV CMR SDN SSD SOM LBY TUN DZA MAR ZWE MOZ AGO"
)
CONFLICT_COUNTRIES = _CODES.split()
# One-word aliases that name several well-known people (or are plain words) and must never stand
# alone for one of them.
AMBIGUOUS_SURNAMES = {"khan", "ali", "traore", "diallo", "kim", "sharif", "castro", "kabila", "rajapaksa",
                      "marcos", "deby", "moi", "wade", "sall", "keita", "maiga", "ortega", "toledo", "aquino"}


def _holders(country: str, role: str, day: date) -> list[str]:
    found = []
    for row in ROWS:
        if row["country"] != country or row["role"] != role:
            continue
        start = date.fromisoformat((row["start"] + "-01-01")[:10])
        end = date.fromisoformat((row["end"] + "-12-31")[:10]) if row["end"] else date.max
        if start <= day < end:
            found.append(row["name"])
    return found


@pytest.mark.parametrize("country", CONFLICT_COUNTRIES)
def test_conflict_country_has_a_head_of_state(country: str) -> None:
    assert _holders(country, "head_of_state", date(2022, 6, 25)), f"{country}: no head of state on 2022-06-25"


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("PRK", "head_of_state", date(2018, 4, 27), "Kim Jong-un"),
        ("AFG", "head_of_state", date(2016, 1, 1), "Ashraf Ghani"),
        ("ZWE", "head_of_state", date(2008, 6, 27), "Robert Mugabe"),
        ("ZWE", "head_of_government", date(2010, 1, 1), "Morgan Tsvangirai"),
        ("VEN", "head_of_state", date(2019, 1, 23), "Nicolás Maduro"),
        ("NGA", "head_of_state", date(2016, 3, 1), "Muhammadu Buhari"),
        ("LBY", "head_of_state", date(2011, 3, 17), "Muammar Gaddafi"),
        ("SDN", "head_of_state", date(2023, 4, 15), "Abdel Fattah al-Burhan"),
        ("MLI", "head_of_state", date(2022, 2, 1), "Assimi Goïta"),
        ("PAK", "head_of_government", date(2020, 1, 1), "Imran Khan"),
    ],
)
def test_known_conflict_office_holders(country: str, role: str, day: date, name: str) -> None:
    assert _holders(country, role, day) == [name]


def test_no_ambiguous_surname_stands_alone() -> None:
    for row in ROWS:
        for alias in filter(None, row["aliases"].split("|")):
            assert fold(alias) not in AMBIGUOUS_SURNAMES, f"{row['name']}: ambiguous alias {alias!r}"
