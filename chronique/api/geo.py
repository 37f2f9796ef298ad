"""Coordinates for the map when a place was stored without them: the GeoNames point of its
country (knowledge/data/country_points.csv), marked approximate."""

from __future__ import annotations

import csv
from dataclasses import asdict
from functools import lru_cache
from typing import Any

from chronique.knowledge.datafiles import read_data_csv, read_data_text
from chronique.store.views import PlaceCount


@lru_cache(maxsize=1)
def _points() -> dict[str, tuple[float, float]]:
    """ISO-3 code → (lat, lon), read once per process (immutable data)."""
    iso2 = {r["iso3"]: r["iso2"] for r in read_data_csv("countries.csv")}
    lines = [line for line in read_data_text("country_points.csv").splitlines() if not line.startswith("#")]
    points = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(lines)}
    return {iso3: points[two] for iso3, two in iso2.items() if two in points}


def located(place: PlaceCount) -> dict[str, Any]:
    """The place as JSON, with its country's point when it has no coordinates of its own."""
    data = asdict(place)
    data["approximate"] = False
    if place.lat is None or place.lon is None:
        point = _points().get((place.country or "").upper())
        if point:
            data["lat"], data["lon"], data["approximate"] = point[0], point[1], True
    return data
