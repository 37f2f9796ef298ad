"""Parties the knowledge base does not list (chronique.coding.unlisted): an unnamed court, police
force or organisation that takes part in an event is coded with the country in focus and the sector
of its head noun, else UNK, and keeps its own words.

Hand-built parses and small in-memory lexicons (no model). Every sentence was written for these tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import Span

from chronique.coding.mentions import MentionIndex
from chronique.coding.unlisted import load_sector_heads, unlisted_parties

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import coded, parsed_doc, set_actors, small_lexicon

HEADS = load_sector_heads()
CONDEMN = [{"match": "condamner", "cameo": "111"}]
SUE = [{"match": "sue", "cameo": "115"}]


def _court_doc(focus: str | None):  # type: ignore[no-untyped-def]
    # "Un tribunal de Lyon a condamné le maire ."
    doc = parsed_doc("fr", [("Un", "un", "DET", "det", 1), ("tribunal", "tribunal", "NOUN", "nsubj", 5),
                            ("de", "de", "ADP", "case", 3), ("Lyon", "Lyon", "PROPN", "nmod", 1),
                            ("a", "avoir", "AUX", "aux:tense", 5), ("condamné", "condamner", "VERB", "ROOT", 5),
                            ("le", "le", "DET", "det", 7), ("maire", "maire", "NOUN", "obj", 5),
                            (".", ".", "PUNCT", "punct", 5)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = [focus]
    return doc


def test_an_unnamed_court_takes_the_country_in_focus_and_its_sector() -> None:
    doc = _court_doc("FRA")
    (court, *_) = unlisted_parties(doc, [], [], HEADS)
    assert (court["text"], court["code"], court["sector"]) == ("Un tribunal de Lyon", "FRA", "JUD")


def test_without_a_country_in_the_text_the_code_is_unk() -> None:
    (court, *_) = unlisted_parties(_court_doc(None), [], [], HEADS)
    assert (court["code"], court["sector"]) == ("UNK", "JUD")


def test_a_place_in_the_sentence_gives_the_country_when_no_focus() -> None:
    doc = _court_doc(None)
    places = [{"text": "Lyon", "start": 15, "end": 19, "country_code": "FRA"}]
    (court, *_) = unlisted_parties(doc, [], places, HEADS)
    assert court["code"] == "FRA"


def test_a_known_mention_is_left_alone() -> None:
    doc = _court_doc("FRA")
    known = [{"text": "tribunal", "start": 3, "end": 11, "code": "ITA", "sector": "JUD"}]
    assert all(p["text"] != "Un tribunal de Lyon" for p in unlisted_parties(doc, known, [], HEADS))


def test_the_unlisted_court_is_a_party_of_the_coded_event() -> None:
    doc = _court_doc("FRA")
    doc._.ch_actors = []
    (event,) = coded(doc, small_lexicon("fr", CONDEMN))
    assert (event["event"], event["actor"]["code"], event["actor"]["sector"]) == ("ACCUSE", "FRA", "JUD")
    assert event["actor"]["entity_text"] == "Un tribunal de Lyon"


def test_an_unlisted_named_organisation_is_coded_with_its_surface_text() -> None:
    # "The Civil Liberties Union is suing the FBI ." (the organisation is in no actor file)
    doc = parsed_doc("en", [("The", "the", "DET", "det", 3), ("Civil", "civil", "PROPN", "compound", 3),
                            ("Liberties", "liberty", "PROPN", "compound", 3), ("Union", "union", "PROPN", "nsubj", 5),
                            ("is", "be", "AUX", "aux", 5), ("suing", "sue", "VERB", "ROOT", 5),
                            ("the", "the", "DET", "det", 7), ("FBI", "FBI", "PROPN", "dobj", 5),
                            (".", ".", "PUNCT", "punct", 5)])
    doc._.ch_lang = "en"
    doc._.ch_focus = ["USA"]
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    set_actors(doc, sector="SPY", FBI="USA")
    index = MentionIndex(doc, HEADS)
    union = next(a for a in index.actors if a["text"] == "Civil Liberties Union")
    assert union["code"] == "USA"
    events = coded(doc, small_lexicon("en", SUE))
    assert [(e["event"], e["actor"]["entity_text"]) for e in events] == [("ACCUSE", "Civil Liberties Union")]


def test_an_unnamed_national_sector_takes_its_home_country_only_with_the_unlisted_rule() -> None:
    # "La police a arrêté le maire ." : "police" is a standalone sector word, no country named
    doc = parsed_doc("fr", [("La", "le", "DET", "det", 1), ("police", "police", "NOUN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("arrêté", "arrêter", "VERB", "ROOT", 3),
                            ("le", "le", "DET", "det", 5), ("maire", "maire", "NOUN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["BEL"]
    doc._.ch_actors = [{"text": "police", "start": 3, "end": 9, "code": None, "sector": "COP", "kind": "group"}]
    assert [a["code"] for a in MentionIndex(doc, HEADS).actors if a["text"] == "police"] == ["BEL"]
    assert [a["code"] for a in MentionIndex(doc).actors if a["text"] == "police"] == [None]
