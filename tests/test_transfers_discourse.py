"""Parties named outside a transfer's own frame, on sentences of our own (issue 19): the seller
of weapons described by a purchase participle, a contract about a delivery, a relative pronoun's
antecedent, a dative clitic or an unnamed recipient taken from the sentence before, and a base of
one's own weapons, which is no transfer."""

from __future__ import annotations

from typing import Any

import pytest
from test_transfers_frames import Row, _rows  # the same reading of a text into rows


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # weapons described as bought from a seller: the seller supplies their owner, never the reverse
    ("La Norvège a transféré des obusiers M777 achetés aux États-Unis.", "fr", ("USA", "NOR", "M777", "delivered")),
    ("Denmark donated F-16 jets bought from the United States.", "en", ("USA", "DNK", "F-16", "delivered")),
    # a receiver of weapons it bought holds them: delivered
    ("La Hongrie a reçu jeudi ses premiers chars Leopard 2, commandés à l'Allemagne en 2018.", "fr",
     ("DEU", "HUN", "Leopard 2", "delivered")),
    ("Taiwan took delivery of its first M1 Abrams tanks, bought from the United States in 2019.", "en",
     ("USA", "TWN", "M1 Abrams", "delivered")),
    # a contract about a delivery: the signer's country supplies the "à/to" of the delivery; agreed
    ("Le ministre allemand de la Défense a signé un contrat avec son homologue lituanien portant sur la "
     "livraison de chars Leopard 2 à la Lituanie.", "fr", ("DEU", "LTU", "Leopard 2", "agreed")),
    ("The Swedish defence minister signed a contract with his Estonian counterpart for the delivery of "
     "Archer howitzers to Estonia.", "en", ("SWE", "EST", "Archer", "agreed")),
    # the antecedent of "qui" gives; the dative clitic takes the country named before
    ("Le Mali s'est rapproché de la Turquie, qui a promis de lui livrer des drones Bayraktar TB2.", "fr",
     ("TUR", "MLI", "Bayraktar TB2", "pledged")),
    ("La Colombie cherche de nouveaux fournisseurs. La Corée du Sud lui a déjà vendu des obusiers K9.", "fr",
     ("KOR", "COL", "K9", None)),
    ("Le Ghana modernise sa marine. L'Espagne lui a vendu des patrouilleurs hauturiers.", "fr",
     ("ESP", "GHA", "ship", None)),
    # a giver with nobody else in its sentence gives to the one country named before
    ("Chile has asked its partners for more armour. Germany pledged to supply Leopard 2 tanks by 2026.", "en",
     ("DEU", "CHL", "Leopard 2", "pledged")),
])
def test_parties_named_outside_the_frame(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    rows = _rows(pipeline, text, lang)
    assert [r[:3] for r in rows] == [expected[:3]], rows
    if expected[3] is not None:
        assert rows[0][3] == expected[3], rows


@pytest.mark.model
def test_two_countries_before_leave_the_recipient_open(pipeline: Any) -> None:
    """Two candidates in the sentence before: the recipient is not guessed."""
    rows = _rows(pipeline, "Chile and Peru have asked for more armour. Germany pledged to supply Leopard 2 tanks.",
                 "en")
    assert all(r[1] not in ("CHL", "PER") for r in rows), rows


@pytest.mark.model
@pytest.mark.parametrize("text, lang", [
    ("La Turquie dispose dans le nord de Chypre d'une base de drones Bayraktar TB2.", "fr"),
    ("France keeps a base of Rafale jets near Abu Dhabi.", "en"),
])
def test_a_base_of_ones_own_weapons_is_no_transfer(pipeline: Any, text: str, lang: str) -> None:
    assert _rows(pipeline, text, lang) == []
