"""Cardinals in digits and words, French and English."""

from __future__ import annotations

import pytest

from chronique.arms.numbers import parse_cardinal


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("1 200", 1200), ("1\u202f500", 1500), ("2,000", 2000),
    ("douze", 12), ("vingt-quatre", 24), ("soixante-dix", 70), ("quatre-vingts", 80),
    ("quatre-vingt-dix-huit", 98), ("deux cents", 200), ("trois mille", 3000), ("vingt et un", 21),
    ("cent", 100), ("mille deux cents", 1200),
    ("twelve", 12), ("twenty-four", 24), ("two hundred", 200), ("one hundred and five", 105),
    ("three thousand", 3000), ("two million", 2_000_000),
])
def test_reads_cardinals(text: str, value: int) -> None:
    assert parse_cardinal(text) == value


@pytest.mark.parametrize("text", ["", "plusieurs", "dozens", "premier", "1.5", "et", "deux chars", "Su-25"])
def test_refuses_what_is_not_a_whole_cardinal(text: str) -> None:
    assert parse_cardinal(text) is None


@pytest.mark.parametrize(("token", "expected"), [
    ("200", True), ("cents", True), ("vingt-quatre", True), ("et", True), ("chars", False), ("Su-25", False),
])
def test_number_words(token: str, expected: bool) -> None:
    from chronique.arms.numbers import is_number_word

    assert is_number_word(token) is expected
