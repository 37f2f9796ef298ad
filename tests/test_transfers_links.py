"""Transfers that a sentence tells for several parties, on sentences of our own (issue 19):
coordinated recipients and suppliers, two coordinated signers of a deal (the maker's country
supplies), a buyer that passes the weapons on, and who reports a transfer."""

from __future__ import annotations

from typing import Any

import pytest
from test_transfers_frames import Row, _rows  # the same reading of a text into rows


def _pairs(pipeline: Any, text: str, lang: str) -> set[Row]:
    return set(_rows(pipeline, text, lang))


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # coordinated recipients: one record each
    ("Lithuania and Poland will receive NASAMS batteries from Norway.", "en",
     {("NOR", "LTU", "NASAMS", "pledged"), ("NOR", "POL", "NASAMS", "pledged")}),
    ("L'Allemagne livrera des chars Leopard 2 à la Lituanie et à la Tchéquie.", "fr",
     {("DEU", "LTU", "Leopard 2", "pledged"), ("DEU", "CZE", "Leopard 2", "pledged")}),
    # coordinated suppliers: one record each, never a transfer between the two of them
    ("Germany and France delivered Leopard 2 tanks to Ukraine in March.", "en",
     {("DEU", "UKR", "Leopard 2", "delivered"), ("FRA", "UKR", "Leopard 2", "delivered")}),
    ("La Suède et la Finlande ont livré des obusiers Archer à l'Ukraine.", "fr",
     {("SWE", "UKR", "Archer", "delivered"), ("FIN", "UKR", "Archer", "delivered")}),
])
def test_coordinated_parties(pipeline: Any, text: str, lang: str, expected: set[Row]) -> None:
    assert _pairs(pipeline, text, lang) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # two signers of one deal: the maker's country supplies the other, whichever comes first
    ("Poland and South Korea signed a contract for 96 K9 howitzers.", "en", ("KOR", "POL", "K9")),
    ("Brazil and Sweden concluded an agreement for 36 Gripen jets.", "en", ("SWE", "BRA", "Gripen")),
    ("La Turquie et l'Indonésie ont signé un contrat pour des chars Altay.", "fr", ("TUR", "IDN", "Altay")),
])
def test_two_signers_of_a_deal(pipeline: Any, text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert [r[:3] for r in _rows(pipeline, text, lang)] == [expected]


@pytest.mark.model
def test_signers_none_of_them_the_maker_get_no_invented_direction(pipeline: Any) -> None:
    rows = _rows(pipeline, "Chile and Peru signed an agreement on Rafale jets.", "en")
    assert not any({r[0], r[1]} == {"CHL", "PER"} for r in rows), rows


@pytest.mark.model
@pytest.mark.parametrize("text, lang, onward", [
    ("Finland bought Archer howitzers from Sweden and will hand them to Estonia.", "en",
     ("FIN", "EST", "Archer", "pledged")),
    ("Canada purchased NASAMS from Norway and gave them to Ukraine.", "en", ("CAN", "UKR", "NASAMS", "delivered")),
    ("La Slovaquie a acheté des obusiers K9 à la Corée du Sud et les a cédés à l'Ukraine.", "fr",
     ("SVK", "UKR", "K9", "delivered")),
])
def test_onward_transfer_of_bought_weapons(pipeline: Any, text: str, lang: str, onward: Row) -> None:
    rows = _rows(pipeline, text, lang)
    assert onward in rows, rows
    assert any(r[1] == onward[0] and r[0] not in (None, onward[0]) for r in rows), rows  # the purchase stays


@pytest.mark.model
def test_a_second_clause_about_other_weapons_is_no_onward_transfer(pipeline: Any) -> None:
    rows = _rows(pipeline, "Finland bought Archer howitzers from Sweden and sent Leopard 2 tanks to Estonia.", "en")
    assert ("FIN", "EST", "Archer", "delivered") not in rows and ("FIN", "EST", "Archer", "pledged") not in rows


@pytest.mark.model
@pytest.mark.parametrize("text, lang, source", [
    ("According to the Swedish government, Brazil has ordered four more Gripen jets.", "en", "the Swedish government"),
    ("Chile will buy 12 K9 howitzers from South Korea, the Chilean army said.", "en", "the Chilean army"),
    ("Selon l'agence de presse Yonhap, la Norvège a commandé des obusiers K9.", "fr", "l'agence de presse Yonhap"),
    ("D'après le gouvernement suédois, le Brésil a reçu six Gripen.", "fr", "le gouvernement suédois"),
    ("Brazil has ordered four more Gripen jets, he said.", "en", None),  # a pronoun names nobody
    ("Brazil has ordered four more Gripen jets from Sweden.", "en", None),
])
def test_reporting_source(pipeline: Any, text: str, lang: str, source: str | None) -> None:
    found = pipeline.extract(text, lang=lang, published="2024-05-02").transfers
    assert found and {t.reported_by for t in found} == {source}, found


@pytest.mark.model
def test_every_sentence_of_a_transfer_is_an_evidence_span(pipeline: Any) -> None:
    text = "Norway ordered 24 K9 howitzers from South Korea. The first six K9 howitzers were delivered in May."
    found = pipeline.extract(text, lang="en", published="2024-05-02")
    [transfer] = found.transfers
    spans = transfer.evidence_spans
    assert [s.text for s in spans] == [found.article.text[s.start:s.end] for s in spans]
    assert [s.text for s in spans] == ["Norway ordered 24 K9 howitzers from South Korea.",
                                       "The first six K9 howitzers were delivered in May."]
    assert transfer.evidence is not None and (transfer.evidence.start, transfer.evidence.end) in {
        (s.start, s.end) for s in spans}


@pytest.mark.model
@pytest.mark.parametrize("text, expected, source", [
    # the buyer's own capital after "à" is where it takes delivery; the incise names the source
    ("La Mauritanie a réceptionné mardi à Nouakchott des drones Bayraktar TB2 achetés à la Turquie, "
     "a indiqué l'armée mauritanienne.", ("TUR", "MRT", "Bayraktar TB2", "delivered"), "l'armée mauritanienne"),
    ("Le Sénégal a reçu à Dakar des obusiers Caesar commandés à la France.",
     ("FRA", "SEN", "CAESAR", "delivered"), None),
])
def test_delivery_in_the_buyers_capital(pipeline: Any, text: str, expected: Row, source: str | None) -> None:
    found = pipeline.extract(text, lang="fr", published="2024-05-02").transfers
    assert [(t.supplier, t.recipient, t.weapon, t.status) for t in found] == [expected]
    assert found[0].reported_by == source


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # a dative clitic names a recipient even when the sentence turns "vers" a country: no deployment
    ("Le Niger s'est tourné vers la Russie, qui a promis de lui livrer des avions de combat.",
     ("RUS", "NER", "aircraft", "pledged")),
    ("Le Tchad se tourne vers la Turquie, qui va lui vendre des drones.", ("TUR", "TCD", "drone", None)),
])
def test_a_dative_clitic_names_the_recipient(pipeline: Any, text: str, expected: Row) -> None:
    rows = _rows(pipeline, text, "fr")
    assert [r[:3] for r in rows] == [expected[:3]], rows
    if expected[3] is not None:
        assert rows[0][3] == expected[3]
