"""The places of the canonical French example, through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.knowledge.gazetteer import distance_km


@pytest.mark.model
@pytest.mark.shared
def test_seed_places(pipeline, seed_article: Path) -> None:  # type: ignore[no-untyped-def]
    text = seed_article.read_text(encoding="utf-8")
    places = pipeline.extract(text, lang="fr", published="2022-06-26").places

    def near(lat: float, lon: float, km: float) -> list[str]:
        return [p.text for p in places if p.lat is not None and p.lon is not None
                and distance_km(lat, lon, p.lat, p.lon) <= km]

    assert "Saint-Pétersbourg" in near(59.94, 30.31, 25)
    assert "Severodonetsk" in near(48.95, 38.49, 25)
    assert "Lyssytchansk" in near(48.90, 38.43, 25)  # a fuzzy transliteration match
    assert "Donbass" in near(48.0, 38.0, 300)
    roles = {p.text: p.role for p in places}
    assert roles.get("Minsk") == "metonymy" and roles.get("Moscou") == "metonymy"
    assert roles.get("Ukraine") == "place"
    for p in places:
        assert text[p.start:p.end] == p.text
        assert p.lat is None or (-90 <= p.lat <= 90 and -180 <= p.lon <= 180)  # type: ignore[operator]
