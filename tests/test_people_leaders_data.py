"""Consistency checks of the heads of state and government data (knowledge/data/people_leaders.csv).

The file is curated by hand; these checks catch the slips that hand curation makes: a bad date, an
unknown country code, two holders of one office at once, a country left without a head of state.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest
from babel.core import get_global

from chronique.knowledge.actors import fold

COLUMNS = ["wikidata", "name", "name_fr", "aliases", "country", "sector", "role", "start", "end", "source"]
ROLES = {"head_of_state", "head_of_government"}
# Codes outside ISO 3166-1 that the file uses on purpose: the European Union's own offices and
# Kosovo's user-assigned code (the one used by the EU and the IMF).
EXTRA_CODES = {"EU", "XKX"}
# Offices held by several people at once (Bosnia's three-member presidency, for instance) say so
# in their source; only those may overlap.
SHARED_OFFICE_MARK = "co-rulers"
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")


def _codes(text: str) -> list[str]:
    return text.split()


G20 = _codes("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EU")
EUROPE = _codes(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN GRC HUN IRL LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE "
    "NOR CHE ISL ALB BIH MNE MKD SRB XKX UKR BLR MDA GEO ARM AZE"
)
MIDDLE_EAST = _codes("IRN IRQ SYR ISR PSE LBN JOR YEM OMN ARE QAT BHR KWT EGY")
# the countries that dominate conflict reporting in Asia, Latin America and Africa; Haiti is left out on
# purpose: its presidency has been vacant or collective since July 2021
CONFLICT = _codes(
    "PRK AFG PAK BGD LKA MMR THA VNM PHL MYS KAZ UZB VEN CUB COL PER CHL NIC NGA ETH ERI KEN UGA RWA COD "
    "CAF TCD NER MLI BFA SEN CIV CMR SDN SSD SOM LBY TUN DZA MAR ZWE MOZ AGO")
COVERED = [*G20, *EUROPE, *MIDDLE_EAST, *CONFLICT]
# One-word aliases that name several well-known people (or are plain words) and must never stand
# alone for one of them.
AMBIGUOUS_SURNAMES = {"khan", "ali", "traore", "diallo", "kim", "sharif", "castro", "kabila", "rajapaksa",
                      "marcos", "deby", "moi", "wade", "sall", "keita", "maiga", "ortega", "toledo", "aquino"}


def _read_rows() -> list[dict[str, str]]:
    path = resources.files("chronique.knowledge") / "data" / "people_leaders.csv"
    with path.open("r", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS, f"expected header {COLUMNS}, found {reader.fieldnames}"
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        assert None not in row and all(v is not None for v in row.values()), f"line {line}: wrong field count"
        row["_line"] = str(line)
    return rows


ROWS = _read_rows()


def _bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day a (possibly partial) YYYY[-MM[-DD]] date may mean."""
    match = DATE_RE.match(value)
    if match is None:
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}")
    year, month, day = int(match[1]), match[2], match[3]
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        last = calendar.monthrange(year, int(month))[1]
        return date(year, int(month), 1), date(year, int(month), last)
    exact = date(year, int(month), int(day))
    return exact, exact


def _term(row: dict[str, str]) -> tuple[date, date, date, date]:
    """(earliest start, latest start, earliest end, latest end); an open term ends far in the future."""
    start_lo, start_hi = _bounds(row["start"])
    end_lo, end_hi = _bounds(row["end"]) if row["end"] else (date.max, date.max)
    return start_lo, start_hi, end_lo, end_hi


def _where(row: dict[str, str]) -> str:
    return f"line {row['_line']} ({row['name']}, {row['country']}, {row['role']}, {row['start']})"


def _alpha3_codes() -> set[str]:
    aliases = get_global("territory_aliases")
    return {code for code in aliases if len(code) == 3 and code.isalpha()}


def test_file_is_large_enough_to_be_useful() -> None:
    assert len(ROWS) >= 600, f"expected at least 600 person-role-terms, found {len(ROWS)}"


def test_fields_are_well_formed() -> None:
    known = _alpha3_codes() | EXTRA_CODES
    for row in ROWS:
        where = _where(row)
        for column in COLUMNS:
            assert row[column] == row[column].strip(), f"{where}: stray whitespace in {column}"
        assert row["name"] and row["name_fr"] and row["source"], f"{where}: name, name_fr and source are required"
        assert row["sector"] == "GOV", f"{where}: expected sector GOV, found {row['sector']!r}"
        assert row["role"] in ROLES, f"{where}: expected a role in {sorted(ROLES)}, found {row['role']!r}"
        assert row["country"] in known, f"{where}: unknown ISO 3166-1 alpha-3 code {row['country']!r}"
        assert not row["wikidata"] or QID_RE.match(row["wikidata"]), f"{where}: bad Q-id {row['wikidata']!r}"
        _bounds(row["start"])
        if row["end"]:
            _bounds(row["end"])


def test_aliases_are_clean() -> None:
    for row in ROWS:
        if not row["aliases"]:
            continue
        aliases = row["aliases"].split("|")
        where = _where(row)
        assert all(a and a == a.strip() for a in aliases), f"{where}: empty or padded alias in {row['aliases']!r}"
        assert len(aliases) == len(set(aliases)), f"{where}: repeated alias in {row['aliases']!r}"
        assert row["name"] not in aliases, f"{where}: the name is repeated among the aliases"


def test_terms_start_before_they_end() -> None:
    for row in ROWS:
        start_lo, _, _, end_hi = _term(row)
        assert start_lo <= end_hi, f"{_where(row)}: ends ({row['end']}) before it starts"
        assert start_lo <= date(2026, 12, 31), f"{_where(row)}: starts in the future"


def test_terms_reach_into_the_period_covered() -> None:
    for row in ROWS:
        _, _, _, end_hi = _term(row)
        assert end_hi >= date(2000, 1, 1), f"{_where(row)}: term ended before 2000"


def test_no_two_holders_of_one_office_at_once() -> None:
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in ROWS:
        by_office[(row["country"], row["role"])].append(row)
    for office, rows in by_office.items():
        rows.sort(key=lambda r: _term(r)[0])
        for i, earlier in enumerate(rows):
            for later in rows[i + 1 :]:
                if SHARED_OFFICE_MARK in earlier["source"] and SHARED_OFFICE_MARK in later["source"]:
                    continue
                # Definite overlap only: partial dates get the benefit of the doubt.
                _, later_start_hi, _, _ = _term(later)
                _, _, earlier_end_lo, _ = _term(earlier)
                assert later_start_hi >= earlier_end_lo, (
                    f"{office}: {_where(later)} starts before {_where(earlier)} ends ({earlier['end'] or 'open'})"
                )


def test_no_duplicate_rows() -> None:
    keys = [(r["name"], r["country"], r["role"], r["start"]) for r in ROWS]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates, f"repeated person-role-terms: {sorted(duplicates)}"


def test_one_qid_is_one_person() -> None:
    names: dict[str, set[str]] = defaultdict(set)
    qids: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        if row["wikidata"]:
            names[row["wikidata"]].add(row["name"])
            qids[row["name"]].add(row["wikidata"])
    assert all(len(v) == 1 for v in names.values()), {k: v for k, v in names.items() if len(v) > 1}
    assert all(len(v) == 1 for v in qids.values()), {k: v for k, v in qids.items() if len(v) > 1}


def _holders(country: str, role: str, day: date) -> list[str]:
    found = []
    for row in ROWS:
        if row["country"] != country or row["role"] != role:
            continue
        _, start_hi, end_lo, _ = _term(row)
        if start_hi <= day < end_lo:
            found.append(row["name"])
    return found


@pytest.mark.parametrize("country", COVERED)
def test_every_covered_country_has_a_head_of_state(country: str) -> None:
    assert _holders(country, "head_of_state", date(2022, 6, 25)), f"{country}: no head of state on 2022-06-25"


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("RUS", "head_of_state", date(2000, 1, 1), "Vladimir Putin"),
        ("RUS", "head_of_state", date(2010, 1, 1), "Dmitry Medvedev"),
        ("RUS", "head_of_government", date(2010, 1, 1), "Vladimir Putin"),
        ("BLR", "head_of_state", date(2022, 2, 24), "Alexander Lukashenko"),
        ("UKR", "head_of_state", date(2022, 2, 24), "Volodymyr Zelensky"),
        ("FRA", "head_of_state", date(2010, 6, 1), "Nicolas Sarkozy"),
        ("USA", "head_of_government", date(2012, 6, 1), "Barack Obama"),
        ("TUR", "head_of_government", date(2020, 1, 1), "Recep Tayyip Erdoğan"),
        ("GBR", "head_of_state", date(2023, 1, 1), "Charles III"),
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
def test_known_office_holders(country: str, role: str, day: date, name: str) -> None:
    assert _holders(country, role, day) == [name]


def test_dates_helper_rejects_bad_dates() -> None:
    with pytest.raises(ValueError):
        _bounds("24/02/2022")
    with pytest.raises(ValueError):
        _bounds("2022-13-01")


def test_no_ambiguous_surname_stands_alone() -> None:
    for row in ROWS:
        for alias in filter(None, row["aliases"].split("|")):
            assert fold(alias) not in AMBIGUOUS_SURNAMES, f"{row['name']}: ambiguous alias {alias!r}"
