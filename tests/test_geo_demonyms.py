"""Demonyms stay actors, not places: the places stage drops a people's word the parser labelled
as a place, unless it is also a country's own name."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.geo.demonyms import is_demonym
from chronique.geo.metonymy import load_metonymy_cues
from chronique.knowledge.gazetteer import CITY, COUNTRY, Gazetteer, GeoEntry
from chronique.nlp.extensions import register_extensions
from chronique.nlp.places import PlaceTagger

register_extensions()

SWITZERLAND = GeoEntry("Switzerland", 47.0, 8.0, "CHE", "A", COUNTRY, geonameid=2658434)
ANGOLA = GeoEntry("Angola", -12.5, 18.5, "AGO", "A", COUNTRY, geonameid=3351879)
LUANDA = GeoEntry("Luanda", -8.84, 13.23, "AGO", "P", CITY, geonameid=2240449, population=2_800_000)


def places(words: list[str], ents: list[str], lang: str) -> list[str]:
    doc = Doc(spacy.blank(lang).vocab, words=words, pos=["PROPN" if w[:1].isupper() else "X" for w in words],
              ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    doc._.ch_actors = []
    gazetteer = Gazetteer([(SWITZERLAND, ["Suisse"]), (ANGOLA, []), (LUANDA, [])])
    tagger = PlaceTagger(lang, gazetteer=gazetteer, cues=load_metonymy_cues(lang))
    return [p["text"] for p in tagger(doc)._.ch_places]


def test_demonym_forms_in_both_languages() -> None:
    assert is_demonym("Angolan", "en") and is_demonym("Suisses", "fr") and is_demonym("Françaises", "fr")
    assert not is_demonym("Luanda", "en") and not is_demonym("Angolan", "fr")


def test_an_adjective_labelled_as_a_place_is_dropped() -> None:
    words = ["Angolan", "officials", "met", "in", "Luanda", "."]
    assert places(words, ["B-GPE", "O", "O", "O", "B-GPE", "O"], "en") == ["Luanda"]


def test_a_country_whose_name_is_also_its_adjective_stays_a_place() -> None:
    words = ["Les", "Suisses", "votent", "en", "Suisse", "."]
    assert places(words, ["O", "B-LOC", "O", "O", "B-LOC", "O"], "fr") == ["Suisse"]
