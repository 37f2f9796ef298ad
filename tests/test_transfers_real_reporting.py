"""Transfers on real-reporting classes (issue 19, round 5), on sentences of our own: demonyms
without their compass word, requests for deliveries to someone else, weapons listed among a
state's own force services, present participles that are acts, and the m2e2 reader of the
judged real-report set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chronique.arms.origin import short_demonym_codes
from chronique.eval.arms_real import _published, m2e2_articles

Row = tuple[str | None, str | None, str, str]


def _rows(pipeline: Any, text: str, lang: str) -> list[Row]:
    found = pipeline.extract(text, lang=lang, published="2024-03-01").transfers
    return [(t.supplier, t.recipient, t.weapon or t.category or "", t.status) for t in found]


def test_a_demonym_without_its_compass_word_names_both_countries_it_may_mean() -> None:
    assert {"KOR", "PRK"} <= short_demonym_codes("The Korean minister visited Warsaw.")
    assert "KOR" in short_demonym_codes("Varsovie a reçu des chars coréens.")


def test_a_full_demonym_is_left_to_the_actor_stage() -> None:
    assert short_demonym_codes("The South Korean minister visited Warsaw.") == frozenset()
    assert short_demonym_codes("Le ministre sud-coréen est à Varsovie.") == frozenset()
    assert short_demonym_codes("The minister visited Warsaw.") == frozenset()


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # the weapon's maker country, named by a demonym without its compass word
    ("Estonia received Korean K9 howitzers in January.", "en", ("KOR", "EST", "K9", "delivered")),
    ("La Norvège a reçu des chars coréens K2.", "fr", ("KOR", "NOR", "K2", "delivered")),
])
def test_a_short_demonym_names_the_supplier(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    assert _rows(pipeline, text, lang) == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text, lang", [
    # a request by someone other than the recipient the text names: a third party's call
    ("Senators urged the White House to ship Patriot missiles to Kyiv.", "en"),
    ("Des députés réclament la livraison de missiles SCALP à l'Ukraine.", "fr"),
    ("Des élus demandent que l'Allemagne livre des chars Leopard 2 à l'Ukraine.", "fr"),
    # weapons listed with services of the giver's own forces, for nobody named
    ("The United States provided airstrikes and Reaper drones to support the offensive.", "en"),
    # a present participle with its own object is an act, not a description of the weapons
    ("North Korea fired three missiles, ordering further tests.", "en"),
    # the transfer word hands over something the weapon only qualifies
    ("Kenya will receive training in operating Bayraktar TB2 drones.", "en"),
    ("The dealer arranged the sale of blueprints for a missile to a buyer in Cairo.", "en"),
    # cargo stopped on its way, and joint work on weapons
    ("Its ships helped in the seizure of a dhow bound for Somalia with rifles and grenades.", "en"),
    ("Egypt and Sudan will cooperate on weapons and intelligence.", "en"),
    # a weapon word of a phrase that names no weapon
    ("A think tank in Oslo agreed with the report.", "en"),
])
def test_not_transfers(pipeline: Any, text: str, lang: str) -> None:
    assert _rows(pipeline, text, lang) == []


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # munitions named by the system they are fired from: the munition is handed over
    ("Denmark delivered Caesar ammunition to Ukraine.", "en", ("DNK", "UKR", "munition", "delivered")),
    ("La Suède a livré des obus pour les obusiers Archer à l'Ukraine.", "fr", ("SWE", "UKR", "munition", "delivered")),
])
def test_a_system_s_munitions_are_munitions(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    assert _rows(pipeline, text, lang) == [expected]


@pytest.mark.model
def test_a_weapon_coordinated_with_training_is_handed_over_beside_it(pipeline: Any) -> None:
    assert _rows(pipeline, "Kenya will receive training and six Bayraktar TB2 drones from Turkey.", "en") == [
        ("TUR", "KEN", "Bayraktar TB2", "pledged")]


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    ("Estonia asked Sweden for Archer howitzers.", "en", ("SWE", "EST", "Archer", "requested")),
    # "à" after the weapon names the one asked, who would give
    ("Le Niger a demandé des hélicoptères Mi-17 à la Russie.", "fr", ("RUS", "NER", "Mi-17", "requested")),
])
def test_the_recipient_s_own_request_stays_a_request(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    assert _rows(pipeline, text, lang) == [expected]


def test_m2e2_articles_join_an_article_s_sentences_in_order(tmp_path: Path) -> None:
    rows = [{"sentence_id": "VOA_EN_NW_2016.10.19.1_0", "sentence": "Troops entered the town"},
            {"sentence_id": "VOA_EN_NW_2016.10.19.1_1", "sentence": "Officials said so."},
            {"sentence_id": "VOA_EN_NW_2017.01.02.2_0", "sentence": "Another story"}]
    (tmp_path / "sentences.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    articles = m2e2_articles(tmp_path)
    assert articles["VOA_EN_NW_2016.10.19.1"].text == "Troops entered the town. Officials said so."
    assert articles["VOA_EN_NW_2017.01.02.2"].published == "2017-01-02"
    assert _published("not_an_id") is None
