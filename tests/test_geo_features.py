"""Natural features written with a lower-case kind word ("la mer Noire", "le golfe d'Aden";
geo.features), on sentences tokenised without a model and a small gazetteer."""

from __future__ import annotations

import spacy

from chronique.geo.features import feature_spans
from chronique.knowledge.gazetteer import AREA, CITY, Gazetteer, GeoEntry

BLACK_SEA = GeoEntry("Black Sea", 43.0, 34.0, None, "H", AREA)
ADEN_GULF = GeoEntry("Gulf of Aden", 12.5, 48.0, None, "H", AREA)
NOIRE_TOWN = GeoEntry("Mer Noire", 45.0, 1.0, "FRA", "P", CITY, population=300)


def spans(text: str) -> list[str]:
    gazetteer = Gazetteer([(BLACK_SEA, ["mer Noire"]), (ADEN_GULF, ["golfe d'Aden"]), (NOIRE_TOWN, [])])
    doc = spacy.blank("fr")(text)
    return [s.text for s in feature_spans(doc, "fr", gazetteer.lookup, [])]


def test_a_kind_word_and_its_name_are_one_feature() -> None:
    assert spans("Des navires ont traversé la mer Noire puis le golfe d'Aden.") == ["mer Noire", "golfe d'Aden"]


def test_a_name_the_gazetteer_knows_as_no_feature_or_not_at_all_is_none() -> None:
    assert spans("Il a longé la mer Baltique.") == []  # not in this gazetteer
    assert spans("La Mer Noire est un village.") == []  # capitalised: the parser's name, a town here
    assert spans("Le lac était gelé.") == []


def test_a_taken_range_is_left_alone() -> None:
    gazetteer = Gazetteer([(BLACK_SEA, ["mer Noire"])])
    text = "Ils ont traversé la mer Noire."
    doc = spacy.blank("fr")(text)
    start = text.index("mer")
    assert feature_spans(doc, "fr", gazetteer.lookup, [(start, start + 3)]) == []
