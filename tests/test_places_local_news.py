"""Places of local news through the real pipeline and gazetteer (marked ``model``): towns the
small NER model may miss, namesakes settled by the state written beside them or in focus, a
place inside "X-based", demonyms kept out of the place list. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def places(pipeline: Any, text: str, lang: str = "en") -> dict[str, Any]:
    return {p.text: p for p in pipeline.extract(text, lang=lang).places}


def test_a_town_takes_the_state_written_after_it(pipeline: Any) -> None:
    found = places(pipeline, "Heavy rain flooded several streets in Gainesville, Georgia, on Tuesday night.")
    town = found["Gainesville"]
    assert town.country_code == "USA" and 33.5 < town.lat < 35.0  # north Georgia, not Florida


def test_a_bare_namesake_takes_the_state_in_focus(pipeline: Any) -> None:
    text = ("West Virginia lawmakers returned to the capitol on Monday. Teachers marched through "
            "downtown Charleston to demand higher pay.")
    town = places(pipeline, text)["Charleston"]
    assert town.country_code == "USA" and town.lat > 37.0  # Charleston, WV, not South Carolina


def test_an_indian_state_is_a_region_of_india(pipeline: Any) -> None:
    text = "Farmers in Karnataka blocked a highway to protest against the water-sharing order."
    state = places(pipeline, text)["Karnataka"]
    assert state.country_code == "IND" and state.name == "Karnataka"


def test_a_demonym_is_no_place(pipeline: Any) -> None:
    found = places(pipeline, "Angolan officials met their counterparts in Luanda on Friday.")
    assert "Angolan" not in found and found["Luanda"].country_code == "AGO"
