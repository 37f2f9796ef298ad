"""Parties of one country (chronique.coding.mentions.party_key, rules.same_side): two known people of
one government are two parties ("X s'est rendu auprès de Y"), a known person and their own state are
one side, and "auprès de" introduces the addressee. Hand-built parses; sentences written for these tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import coded, parsed_doc, small_lexicon

from chronique.coding.mentions import party_key

CRITICISE = [{"match": "critiquer", "cameo": "111"}]
APPEAL = [{"match": "plaider", "cameo": "100"}]


def _person(text: str, start: int, name: str, code: str = "FRA") -> dict[str, object]:
    return {"text": text, "start": start, "end": start + len(text), "name": name, "code": code, "sector": "GOV",
            "kind": "person"}


def _minister_doc():  # type: ignore[no-untyped-def]
    # "Le ministre Rivaud a critiqué la présidente Delorme ." (invented members of one government)
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 4),
                            ("Rivaud", "Rivaud", "PROPN", "appos", 1), ("a", "avoir", "AUX", "aux:tense", 4),
                            ("critiqué", "critiquer", "VERB", "ROOT", 4), ("la", "le", "DET", "det", 6),
                            ("présidente", "président", "NOUN", "obj", 4), ("Delorme", "Delorme", "PROPN", "appos", 6),
                            (".", ".", "PUNCT", "punct", 4)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["FRA"]
    doc._.ch_actors = [_person("ministre Rivaud", 3, "Jean Rivaud"), _person("présidente Delorme", 34, "Anne Delorme")]
    return doc


def test_two_people_of_one_government_are_two_parties() -> None:
    doc = _minister_doc()
    assert party_key(doc._.ch_actors[0]) != party_key(doc._.ch_actors[1])
    (event,) = coded(doc, small_lexicon("fr", CRITICISE))
    assert (event["actor"]["entity_text"], event["recipient"]["entity_text"]) == ("ministre Rivaud",
                                                                                    "présidente Delorme")
    assert (event["actor"]["code"], event["recipient"]["code"]) == ("FRA", "FRA")


def test_the_same_person_named_twice_is_one_party() -> None:
    assert party_key(_person("Rivaud", 0, "Jean Rivaud")) == party_key(_person("Jean Rivaud", 40, "Jean Rivaud"))


def test_a_person_and_their_own_state_are_one_side() -> None:
    # "Anne Delorme a critiqué la France ." : no FRA person -> FRA state record
    doc = parsed_doc("fr", [("Anne", "Anne", "PROPN", "nsubj", 3), ("Delorme", "Delorme", "PROPN", "flat:name", 0),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("critiqué", "critiquer", "VERB", "ROOT", 3),
                            ("la", "le", "DET", "det", 5), ("France", "France", "PROPN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["FRA"]
    doc._.ch_actors = [_person("Anne Delorme", 0, "Anne Delorme"),
                       {"text": "France", "start": 27, "end": 33, "name": "France", "code": "FRA", "sector": None,
                        "kind": "country"}]
    (event,) = coded(doc, small_lexicon("fr", CRITICISE))
    assert event["actor"]["entity_text"] == "Anne Delorme" and event["recipient"] is None


def test_aupres_de_introduces_the_addressee() -> None:
    # "Anne Delorme a plaidé auprès de Jean Rivaud ." (invented people)
    doc = parsed_doc("fr", [("Anne", "Anne", "PROPN", "nsubj", 3), ("Delorme", "Delorme", "PROPN", "flat:name", 0),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("plaidé", "plaider", "VERB", "ROOT", 3),
                            ("auprès", "auprès", "ADV", "case", 6), ("de", "de", "ADP", "fixed", 4),
                            ("Jean", "Jean", "PROPN", "obl:arg", 3), ("Rivaud", "Rivaud", "PROPN", "flat:name", 6),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["FRA"]
    doc._.ch_actors = [_person("Anne Delorme", 0, "Anne Delorme"), _person("Jean Rivaud", 32, "Jean Rivaud")]
    (event,) = coded(doc, small_lexicon("fr", APPEAL))
    assert (event["actor"]["entity_text"], event["recipient"]["entity_text"]) == ("Anne Delorme", "Jean Rivaud")


def test_two_people_of_one_government_who_meet_are_actor_and_recipient() -> None:
    # "Jean Rivaud et Anne Delorme se rencontrent ." : a symmetric act between two coordinated people
    doc = parsed_doc("fr", [("Jean", "Jean", "PROPN", "nsubj", 5), ("Rivaud", "Rivaud", "PROPN", "flat:name", 0),
                            ("et", "et", "CCONJ", "cc", 3), ("Anne", "Anne", "PROPN", "conj", 0),
                            ("Delorme", "Delorme", "PROPN", "flat:name", 3),
                            ("rencontrent", "rencontrer", "VERB", "ROOT", 5),
                            (".", ".", "PUNCT", "punct", 5)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["FRA"]
    doc._.ch_actors = [_person("Jean Rivaud", 0, "Jean Rivaud"), _person("Anne Delorme", 15, "Anne Delorme")]
    (event,) = coded(doc, small_lexicon("fr", [{"match": "rencontrer", "cameo": "040"}]))
    assert (event["actor"]["entity_text"], event["recipient"]["entity_text"]) == ("Jean Rivaud", "Anne Delorme")
