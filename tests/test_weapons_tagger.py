"""The weapons stage on hand-built Docs (no model): ambiguous names need a military context."""

from __future__ import annotations

import pytest
import spacy

from chronique.knowledge.weapons import WeaponCatalogue, load_catalogue
from chronique.nlp.extensions import register_extensions
from chronique.nlp.weapons import WeaponTagger


@pytest.fixture(scope="module")
def catalogue() -> WeaponCatalogue:
    register_extensions()
    return load_catalogue()


def tag(catalogue: WeaponCatalogue, text: str, lang: str = "en") -> list[tuple[str, str | None, str]]:
    doc = spacy.blank(lang)(text)
    WeaponTagger(lang, catalogue)(doc)
    return [(w["text"], w["designation"], w["category"]) for w in doc._.ch_weapons]


@pytest.mark.parametrize("text, lang", [
    ("Berlin will send two Patriot batteries to Kyiv.", "en"),
    ("Paris a livré dix-huit canons Caesar à l'armée ukrainienne.", "fr"),
    ("Les chars Leopard sont arrivés en Pologne.", "fr"),
])
def test_ambiguous_name_with_military_context_is_a_weapon(catalogue: WeaponCatalogue, text: str, lang: str) -> None:
    designations = [d for _, d, _ in tag(catalogue, text, lang) if d]
    assert designations and designations[0] in ("Patriot", "CAESAR", "Leopard 2")


@pytest.mark.parametrize("text, lang", [
    ("The Patriot newspaper printed a letter from a reader in Ohio.", "en"),
    ("Jules César, Caesar pour les Romains, traversa le Rubicon.", "fr"),
    ("Le photographe Iskander Salimov expose à Lyon.", "fr"),
    ("A Leopard was seen near the village, said the wildlife officer.", "en"),
])
def test_ambiguous_name_without_military_context_is_not(catalogue: WeaponCatalogue, text: str, lang: str) -> None:
    assert tag(catalogue, text, lang) == []


def test_category_noun_is_folded_into_its_designation(catalogue: WeaponCatalogue) -> None:
    assert tag(catalogue, "Moscou livrera des systèmes de missiles tactiques Iskander-M.", "fr") == [
        ("Iskander-M", "Iskander-M", "missile system")]
    assert tag(catalogue, "They asked for Leopard 2 tanks and more ammunition.") == [
        ("Leopard 2", "Leopard 2", "tank"), ("ammunition", None, "munition")]


def test_generic_terms_carry_a_category_and_no_designation(catalogue: WeaponCatalogue) -> None:
    assert tag(catalogue, "Kiev réclame des armes lourdes et des drones.", "fr") == [
        ("armes lourdes", None, "heavy weapons"), ("drones", None, "drone")]


def test_offsets_point_into_the_text(catalogue: WeaponCatalogue) -> None:
    text = "Two F-16s landed."
    doc = spacy.blank("en")(text)
    WeaponTagger("en", catalogue)(doc)
    (w,) = doc._.ch_weapons
    assert text[w["start"]:w["end"]] == "F-16s" and w["origin"] == "USA" and w["_tokens"] == [1, 2]
