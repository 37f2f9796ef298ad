"""The place closing a longer entity after "of"/"de" (geo.tails), on sentences tokenised without
a model: "la police de Valmont", "the Town Hall of Dunmore"."""

from __future__ import annotations

import spacy

from chronique.geo.tails import linked_tail

KNOWN = {"Valmont", "Dunmore", "Haute-Vienne", "Gulf of Varan", "Varan", "New Dunmore"}
HEADS = frozenset({"council", "mayor", "maire", "city", "republic"})
OFFICES = frozenset({"town hall", "city council"})


def tail(text: str, entity: str, lang: str = "en", place_label: bool = True) -> str | None:
    doc = spacy.blank(lang)(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity))
    assert span is not None
    found = linked_tail(span, KNOWN.__contains__, HEADS, OFFICES, place_label)
    return found.text if found is not None else None


def test_a_place_entity_opening_with_a_common_word_names_its_place() -> None:
    assert tail("La police de Valmont a ouvert une enquête.", "police de Valmont", "fr") == "Valmont"
    assert tail("Selon la préfecture de Haute-Vienne, la route est fermée.", "préfecture de Haute-Vienne",
                "fr") == "Haute-Vienne"


def test_an_office_noun_opens_a_building_or_body_closed_by_its_place() -> None:
    assert tail("The Town Hall of New Dunmore was closed.", "The Town Hall of New Dunmore",
                place_label=False) == "New Dunmore"
    assert tail("The City Council of Dunmore voted.", "The City Council of Dunmore", place_label=False) == "Dunmore"


def test_a_known_whole_name_or_another_organisation_is_left_whole() -> None:
    assert tail("Ships sailed into the Gulf of Varan.", "Gulf of Varan") is None
    assert tail("The Bank of Dunmore raised rates.", "The Bank of Dunmore", place_label=False) is None
    assert tail("La police de Quimperlé a enquêté.", "police de Quimperlé", "fr") is None  # unknown name
    assert tail("The mayor spoke of hope.", "mayor spoke of hope") is None  # no capitalised name
    # a capitalised place noun opens a name of its own
    assert tail("Bankers of the City of Dunmore met.", "City of Dunmore") is None
    assert tail("Troops left the Republic of Valmont.", "Republic of Valmont") is None


def test_a_lower_case_head_of_another_entity_needs_a_place_or_office_noun() -> None:
    assert tail("Ask the mayor of Dunmore.", "mayor of Dunmore", place_label=False) == "Dunmore"
    assert tail("Ask the friends of Dunmore.", "friends of Dunmore", place_label=False) is None
