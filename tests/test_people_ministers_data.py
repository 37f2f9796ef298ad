"""Consistency checks for knowledge/data/people_ministers.csv (foreign and defence ministers since 2000).

The file is hand-curated from public record, so these tests guard its shape and its internal logic:
valid codes and dates, no two holders of one office at once, and a holder of each office on a
reference day for every country the file promises to cover.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from importlib import resources
from itertools import pairwise

import pytest
from babel import Locale
from babel.core import get_global

HEADER = ["wikidata", "name", "name_fr", "aliases", "country", "sector", "role", "start", "end", "source"]
ROLES = {"foreign_minister", "defence_minister"}
NON_ISO_ACTORS = {"EU"}  # the EU High Representative is coded with the IGO code
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
QID_RE = re.compile(r"^Q[0-9]+$")
REFERENCE_DAY = date(2022, 6, 25)

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EU"
EUROPE = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN GRC HUN IRL LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE "
    "NOR CHE ISL ALB BIH MNE MKD SRB UKR BLR MDA GEO ARM AZE"
)
MIDDLE_EAST = "IRN IRQ SYR ISR PSE LBN JOR YEM OMN ARE QAT BHR KWT EGY"
COVERED = set(f"{G20} {EUROPE} {MIDDLE_EAST}".split())

# Offices that do not exist, each with the reason; the coverage test skips exactly these.
NO_SUCH_OFFICE = {
    ("EU", "defence_minister"): "the EU has no defence minister",
    ("ISL", "defence_minister"): "Iceland has no armed forces; the foreign minister handles defence",
    ("PSE", "defence_minister"): "the Palestinian Authority has no defence ministry",
    ("MLT", "defence_minister"): "Malta has no defence ministry; its armed forces answer to the home affairs minister",
}
# Offices that exist but whose holders this file does not list yet (no source the curator could trust).
NOT_YET_CURATED: dict[tuple[str, str], str] = {}
# Offices legitimately held by two people at once (none among the covered ones); exempt from the overlap check.
SHARED_OFFICES: set[tuple[str, str]] = set()


def _iso3_codes() -> set[str]:
    """ISO 3166-1 alpha-3 codes of current territories, from CLDR's alias table shipped with babel."""
    current = set(Locale("en").territories)
    aliases: dict[str, list[str]] = get_global("territory_aliases")
    return {
        code
        for code, targets in aliases.items()
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and targets[0] in current
    }


def _bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can denote."""
    match = DATE_RE.match(value)
    assert match, f"expected YYYY[-MM[-DD]], found {value!r}"
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        last = (date(year + (month == 12), month % 12 + 1, 1) - date(year, month, 1)).days
        return date(year, month, 1), date(year, month, last)
    return date(year, month, day), date(year, month, day)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    path = resources.files("chronique.knowledge") / "data" / "people_ministers.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


def test_file_is_large_enough(rows: list[dict[str, str]]) -> None:
    assert len(rows) > 800


def test_every_row_is_well_formed(rows: list[dict[str, str]]) -> None:
    iso3 = _iso3_codes()
    for line, row in enumerate(rows, start=2):
        where = f"line {line} ({row['name']})"
        assert None not in row and all(v is not None for v in row.values()), f"{where}: wrong column count"
        assert row["name"].strip() == row["name"] and row["name"], f"{where}: empty or padded name"
        assert row["name_fr"], f"{where}: empty name_fr"
        assert row["sector"] == "GOV", f"{where}: sector {row['sector']!r}"
        assert row["role"] in ROLES, f"{where}: role {row['role']!r}"
        assert row["country"] in iso3 | NON_ISO_ACTORS, f"{where}: country {row['country']!r} is not ISO alpha-3"
        assert row["country"] in COVERED, f"{where}: country {row['country']!r} outside the promised coverage"
        assert not row["wikidata"] or QID_RE.match(row["wikidata"]), f"{where}: Q-id {row['wikidata']!r}"
        assert row["source"].startswith("public record"), f"{where}: source {row['source']!r}"
        assert row["start"], f"{where}: no start date"
        start = _bounds(row["start"])[0]
        if row["end"]:
            assert start <= _bounds(row["end"])[1], f"{where}: start {row['start']} after end {row['end']}"
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(a and a.strip() == a for a in aliases), f"{where}: empty or padded alias in {row['aliases']!r}"
        assert len(aliases) == len(set(aliases)), f"{where}: duplicate alias"
        assert row["name"] not in aliases, f"{where}: the name repeated as an alias"


def test_a_wikidata_id_names_one_person(rows: list[dict[str, str]]) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["wikidata"]:
            names[row["wikidata"]].add(row["name"])
    assert all(len(people) == 1 for people in names.values()), {q: p for q, p in names.items() if len(p) > 1}


def test_terms_reach_back_to_2000(rows: list[dict[str, str]]) -> None:
    for row in rows:
        if row["end"]:
            assert _bounds(row["end"])[1] >= date(2000, 1, 1), f"{row['name']}: term ended before 2000"


def _overlaps(rows: list[dict[str, str]]) -> list[str]:
    """Pairs of terms of one office that certainly overlap, whatever their partial dates mean."""
    offices: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        offices[(row["country"], row["role"])].append(row)
    found = []
    for office, terms in offices.items():
        if office in SHARED_OFFICES:
            continue
        terms.sort(key=lambda r: _bounds(r["start"])[0])
        for before, after in pairwise(terms):
            before_end = _bounds(before["end"])[0] if before["end"] else date.max
            if _bounds(after["start"])[1] < before_end:
                found.append(f"{office}: {before['name']} (to {before['end'] or 'now'}) and {after['name']}")
    return found


def _holders_on(rows: list[dict[str, str]], day: date) -> dict[tuple[str, str], list[str]]:
    """Who may have held each office on `day` (partial dates read generously)."""
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        end = _bounds(row["end"])[1] if row["end"] else date.max
        if _bounds(row["start"])[0] <= day <= end:
            holders[(row["country"], row["role"])].append(row["name"])
    return holders


def test_one_holder_at_a_time(rows: list[dict[str, str]]) -> None:
    assert not _overlaps(rows)


def test_each_covered_office_has_a_holder_on_the_reference_day(rows: list[dict[str, str]]) -> None:
    holders = _holders_on(rows, REFERENCE_DAY)
    missing = sorted(
        f"{country} {role}"
        for country in COVERED
        for role in ROLES
        if (country, role) not in NO_SUCH_OFFICE | NOT_YET_CURATED.keys() and not holders.get((country, role))
    )
    assert not missing, f"no holder on {REFERENCE_DAY}: {missing}"
    for office in NO_SUCH_OFFICE:
        assert office not in holders, f"{office} is listed as non-existent but has holders {holders[office]}"


def _row(name: str, start: str, end: str, country: str = "FRA") -> dict[str, str]:
    return {"name": name, "country": country, "role": "foreign_minister", "start": start, "end": end}


def test_the_overlap_rule_fires_only_on_certain_overlaps() -> None:
    handover = [_row("A", "2001-01-01", "2004-03-09"), _row("B", "2004-03-09", "")]
    assert not _overlaps(handover)
    assert _overlaps([_row("A", "2001-01-01", "2004-03-09"), _row("B", "2004-02", "")])
    assert _overlaps([_row("A", "2001", ""), _row("B", "2010-05-01", "")])  # A never left
    assert not _overlaps([_row("A", "2001", "2004"), _row("B", "2004", "")])  # same year: cannot tell
    assert not _overlaps([_row("A", "2001", ""), _row("B", "2003", "", country="DEU")])


def test_the_holder_rule_reads_partial_dates() -> None:
    rows = [_row("A", "2019-06", "2022-06"), _row("B", "2022-07", "")]
    assert _holders_on(rows, date(2022, 6, 25)) == {("FRA", "foreign_minister"): ["A"]}
    assert _holders_on(rows, date(2022, 7, 1)) == {("FRA", "foreign_minister"): ["B"]}
    assert _bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert _bounds("1999") == (date(1999, 1, 1), date(1999, 12, 31))
    with pytest.raises(AssertionError):
        _bounds("2004/03/09")


def test_the_iso_set_is_real() -> None:
    codes = _iso3_codes()
    assert {"FRA", "UKR", "PSE", "GBR", "ARE"} <= codes
    assert "XXX" not in codes and "FR" not in codes


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("RUS", "foreign_minister", date(2022, 2, 24), "Sergey Lavrov"),
        ("USA", "defence_minister", date(2003, 3, 20), "Donald Rumsfeld"),
        ("FRA", "foreign_minister", date(2003, 2, 14), "Dominique de Villepin"),
    ],
)
def test_spot_checks(rows: list[dict[str, str]], country: str, role: str, day: date, name: str) -> None:
    found = [
        r["name"]
        for r in rows
        if r["country"] == country
        and r["role"] == role
        and _bounds(r["start"])[0] <= day <= (_bounds(r["end"])[1] if r["end"] else date.max)
    ]
    assert found == [name]
