"""Quantities written in words or digits reach the transfer record (real models)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "quantity"), [
    ("fr", "La France livrera douze canons Caesar à l'Ukraine, a annoncé le ministère.", 12),
    ("fr", "Le Canada a livré vingt-quatre chars Leopard 2 à la Pologne.", 24),
    ("en", "Germany will deliver twenty-four Leopard 2 tanks to Poland.", 24),
    ("en", "The United States delivered 1,200 Stinger missiles to Ukraine.", 1200),
])
def test_quantity_in_words_or_digits(pipeline: Any, lang: str, text: str, quantity: int) -> None:
    transfers = pipeline.extract(text, lang=lang, published="2024-03-01").transfers
    assert [t.quantity for t in transfers] == [quantity]
