"""People the knowledge base does not list (chronique.coding.unlisted_people): a named person with no
code takes the country in focus of the sentence, stays a party of its own, and a body's own head
noun read as a place gives it no country. Hand-built parses; every sentence was written for these tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import Span

from chronique.coding.mentions import MentionIndex, party_key
from chronique.coding.unlisted import load_sector_heads, unlisted_parties

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import coded, parsed_doc, small_lexicon

HEADS = load_sector_heads()
CRITICISE = [{"match": "critiquer", "cameo": "111"}]


def _criticise_doc(focus: str | None, entity: bool = False):  # type: ignore[no-untyped-def]
    # "Marthe Vallier a critiqué le gouvernement ." (an invented politician)
    doc = parsed_doc("fr", [("Marthe", "Marthe", "PROPN", "nsubj", 3), ("Vallier", "Vallier", "PROPN", "flat:name", 0),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("critiqué", "critiquer", "VERB", "ROOT", 3),
                            ("le", "le", "DET", "det", 5), ("gouvernement", "gouvernement", "NOUN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = [focus]
    person = {"text": "Marthe Vallier", "start": 0, "end": 14, "name": "", "code": None, "sector": None,
              "kind": "person"}
    doc._.ch_actors = [] if entity else [person]
    if entity:
        doc.ents = [Span(doc, 0, 2, label="PER")]
    return doc


def test_an_unlisted_person_takes_the_country_in_focus() -> None:
    (event,) = coded(_criticise_doc("FRA"), small_lexicon("fr", CRITICISE))
    assert (event["actor"]["entity_text"], event["actor"]["code"]) == ("Marthe Vallier", "FRA")
    assert (event["recipient"]["entity_text"], event["recipient"]["code"]) == ("le gouvernement", "FRA")


def test_a_person_entity_of_the_parser_is_coded_the_same_way() -> None:
    (event,) = coded(_criticise_doc("FRA", entity=True), small_lexicon("fr", CRITICISE))
    assert (event["actor"]["entity_text"], event["actor"]["code"]) == ("Marthe Vallier", "FRA")


def test_with_no_country_in_the_text_the_person_stays_uncoded() -> None:
    index = MentionIndex(_criticise_doc(None), HEADS)
    assert [a["code"] for a in index.actors if a["text"] == "Marthe Vallier"] == [None]


def test_without_the_unlisted_rule_the_person_stays_uncoded() -> None:
    assert [a["code"] for a in MentionIndex(_criticise_doc("FRA")).actors if a["text"] == "Marthe Vallier"] == [None]


def test_two_unlisted_people_of_one_country_are_two_parties() -> None:
    # "Paul Arnaud rencontre Lise Bernier ." (invented people)
    doc = parsed_doc("fr", [("Paul", "Paul", "PROPN", "nsubj", 2), ("Arnaud", "Arnaud", "PROPN", "flat:name", 0),
                            ("rencontre", "rencontrer", "VERB", "ROOT", 2), ("Lise", "Lise", "PROPN", "obj", 2),
                            ("Bernier", "Bernier", "PROPN", "flat:name", 3), (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["BEL"]
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, 3, 5, label="PER")]
    doc._.ch_actors = []
    people = [a for a in MentionIndex(doc, HEADS).actors if a.get("_unlisted")]
    assert [a["code"] for a in people] == ["BEL", "BEL"]
    assert len({party_key(a) for a in people}) == 2
    (event,) = coded(doc, small_lexicon("fr", [{"match": "rencontrer", "cameo": "040"}]))
    assert (event["actor"]["entity_text"], event["recipient"]["entity_text"]) == ("Paul Arnaud", "Lise Bernier")


def test_a_place_read_on_a_bodys_own_head_noun_gives_it_no_country() -> None:
    # "La Mairie a demandé une enquête ." — the gazetteer may read "Mairie" as a foreign town
    doc = parsed_doc("fr", [("La", "le", "DET", "det", 1), ("Mairie", "mairie", "NOUN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("demandé", "demander", "VERB", "ROOT", 3),
                            ("une", "un", "DET", "det", 5), ("enquête", "enquête", "NOUN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = [None]
    places = [{"text": "Mairie", "start": 3, "end": 9, "country_code": "TKM"}]
    (body,) = unlisted_parties(doc, [], places, HEADS)
    assert (body["text"], body["code"]) == ("La Mairie", "UNK")


def test_a_person_coded_from_the_context_ranks_as_an_uncoded_party() -> None:
    # the guessed country fills the code, not the confidence: the floor keeps the records it kept
    coded_event = coded(_criticise_doc("FRA"), small_lexicon("fr", CRITICISE))[0]
    uncoded_event = coded(_criticise_doc(None), small_lexicon("fr", CRITICISE))[0]
    assert coded_event["actor"]["code"] == "FRA" and uncoded_event["actor"]["code"] is None
    assert coded_event["confidence"] == uncoded_event["confidence"]


def test_two_context_coded_recipients_of_one_act_stay_two_records() -> None:
    # "Paul Arnaud critique Lise Bernier et Marc Olier ." (invented people, one country)
    doc = parsed_doc("fr", [("Paul", "Paul", "PROPN", "nsubj", 2), ("Arnaud", "Arnaud", "PROPN", "flat:name", 0),
                            ("critique", "critiquer", "VERB", "ROOT", 2), ("Lise", "Lise", "PROPN", "obj", 2),
                            ("Bernier", "Bernier", "PROPN", "flat:name", 3), ("et", "et", "CCONJ", "cc", 6),
                            ("Marc", "Marc", "PROPN", "conj", 3), ("Olier", "Olier", "PROPN", "flat:name", 6),
                            (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["BEL"]
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, 3, 5, label="PER"), Span(doc, 6, 8, label="PER")]
    doc._.ch_actors = []
    events = coded(doc, small_lexicon("fr", CRITICISE))
    assert sorted(e["recipient"]["entity_text"] for e in events) == ["Lise Bernier", "Marc Olier"]
