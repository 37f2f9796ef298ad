"""Where a division stands: a state at the middle of its towns' extent, not at the median of towns
crowded on one side; a county at the median of its towns. Invented towns."""

from __future__ import annotations

from chronique.knowledge.divisions import build_divisions


def town(name: str, lat: float, lon: float, county: str = "") -> dict[str, object]:
    return {"country_code": "CN", "city": name, "latitude": lat, "longitude": lon, "population": 10000,
            "state": "Weshan", "county": county}


def test_a_state_stands_in_the_middle_of_its_extent_and_a_county_at_its_median() -> None:
    # eight towns on the state's eastern plain, two in its western mountains
    towns = [town(f"E{i}", 30.0 + i * 0.1, 104.0 + i * 0.05, "Plain County") for i in range(8)]
    towns += [town("W1", 31.0, 98.0), town("W2", 29.0, 99.0)]
    by_name = {d.name: d for d in build_divisions(towns)}
    state = by_name["Weshan"]
    assert 100.0 < state.lon < 102.0 and 29.5 < state.lat < 30.5  # the middle, not the plain (104.2)
    county = by_name["Plain County"]
    assert 104.1 < county.lon < 104.3  # the median of its own towns
