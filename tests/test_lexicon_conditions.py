"""Lexicon entries behind the conditional-threat and place-object rules (real models)."""

from __future__ import annotations

from typing import Any

import pytest


def _types(pipeline: Any, text: str, lang: str) -> list[str]:
    return [e.event for e in pipeline.extract(text, lang=lang, published="2024-03-01").events]


@pytest.mark.model
def test_a_handed_back_place_is_a_retreat_a_trip_back_is_nothing(pipeline: Any) -> None:
    assert "RETREAT" in _types(pipeline, "Israel returned the Golan Heights to Syria.", "en")
    assert _types(pipeline, "The Israeli negotiators returned to Geneva on Monday.", "en") == []


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia could impose sanctions on Ukraine if the border stays closed."),
    ("fr", "La France pourrait imposer des sanctions à l'Iran si les inspecteurs restent bloqués."),
])
def test_a_conditional_conflict_act_under_a_condition_is_a_threat(pipeline: Any, lang: str, text: str) -> None:
    assert "THREATEN" in _types(pipeline, text, lang)
