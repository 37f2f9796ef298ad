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


def test_an_organisation_named_with_a_country_adjective_absorbs_it_and_keeps_the_other_party() -> None:
    # "The American Civil Liberties Union is suing the FBI ." — "American" is the union's country, no
    # party of its own; the FBI, another unlisted body of the same country, is the recipient
    doc = parsed_doc("en", [("The", "the", "DET", "det", 4), ("American", "American", "PROPN", "compound", 4),
                            ("Civil", "civil", "PROPN", "compound", 3),
                            ("Liberties", "liberty", "PROPN", "compound", 4),
                            ("Union", "union", "PROPN", "nsubj", 6), ("is", "be", "AUX", "aux", 6),
                            ("suing", "sue", "VERB", "ROOT", 6), ("the", "the", "DET", "det", 8),
                            ("FBI", "FBI", "PROPN", "dobj", 6), (".", ".", "PUNCT", "punct", 6)])
    doc._.ch_lang = "en"
    doc._.ch_focus = ["USA"]
    doc.ents = [Span(doc, 0, 5, label="ORG"), Span(doc, 8, 9, label="ORG")]
    set_actors(doc, American="USA")
    doc._.ch_actors[0].update(sector=None)
    (event,) = coded(doc, small_lexicon("en", SUE))
    assert (event["actor"]["entity_text"], event["actor"]["code"], event["actor"]["sector"]) == (
        "The American Civil Liberties Union", "USA", "LAB")
    assert (event["recipient"]["entity_text"], event["recipient"]["code"]) == ("FBI", "USA")


def test_a_committee_of_a_country_is_that_country_s_body_not_the_country() -> None:
    # "Le comité de la Chine accuse les États-Unis ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("comité", "comité", "NOUN", "nsubj", 5),
                            ("de", "de", "ADP", "case", 4), ("la", "le", "DET", "det", 4),
                            ("Chine", "Chine", "PROPN", "nmod", 1), ("accuse", "accuser", "VERB", "ROOT", 5),
                            ("les", "le", "DET", "det", 7), ("États-Unis", "États-Unis", "PROPN", "obj", 5),
                            (".", ".", "PUNCT", "punct", 5)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["CHN"]
    set_actors(doc, Chine="CHN", **{"États-Unis": "USA"})
    events = coded(doc, small_lexicon("fr", [{"match": "accuser", "cameo": "112"}]))
    assert [(e["actor"]["entity_text"], e["actor"]["code"], e["actor"]["sector"], e["recipient"]["code"])
            for e in events] == [("Le comité de la Chine", "CHN", "GOV", "USA")]


def test_a_committee_about_a_country_does_not_take_its_code_and_a_modifier_gives_its_sector() -> None:
    # "The House committee on China accused Beijing ." — a legislative body, not a Chinese one
    doc = parsed_doc("en", [("The", "the", "DET", "det", 2), ("House", "house", "PROPN", "compound", 2),
                            ("committee", "committee", "NOUN", "nsubj", 5), ("on", "on", "ADP", "prep", 2),
                            ("China", "China", "PROPN", "pobj", 3), ("accused", "accuse", "VERB", "ROOT", 5),
                            ("Beijing", "Beijing", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)])
    doc._.ch_lang = "en"
    doc._.ch_focus = ["CHN"]
    set_actors(doc, China="CHN", Beijing="CHN")
    events = coded(doc, small_lexicon("en", [{"match": "accuse", "cameo": "112"}]))
    assert [(e["actor"]["entity_text"], e["actor"]["code"], e["actor"]["sector"], e["recipient"]["code"])
            for e in events] == [("The House committee", "UNK", "LEG", "CHN")]


def test_a_name_only_head_needs_a_proper_name() -> None:
    # "Both parties criticised the Labour Party ." — common "parties" is no party; the named one is
    doc = parsed_doc("en", [("Both", "both", "DET", "det", 1), ("parties", "party", "NOUN", "nsubj", 2),
                            ("criticised", "criticise", "VERB", "ROOT", 2), ("the", "the", "DET", "det", 5),
                            ("Labour", "Labour", "PROPN", "compound", 5), ("Party", "party", "PROPN", "dobj", 2),
                            (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "en"
    doc._.ch_focus = ["GBR"]
    found = [(p["text"], p["code"], p["sector"]) for p in unlisted_parties(doc, [], [], HEADS)]
    assert found == [("the Labour Party", "GBR", "PTY")]


def test_a_passive_by_agent_is_the_actor_and_the_subject_the_recipient() -> None:
    # "Le maire a été attaqué par des militants ." (both unlisted; the country in focus is France)
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("maire", "maire", "NOUN", "nsubj:pass", 4),
                            ("a", "avoir", "AUX", "aux:tense", 4), ("été", "être", "AUX", "aux:pass", 4),
                            ("attaqué", "attaquer", "VERB", "ROOT", 4), ("par", "par", "ADP", "case", 7),
                            ("des", "un", "DET", "det", 7), ("militants", "militant", "NOUN", "obl:agent", 4),
                            (".", ".", "PUNCT", "punct", 4)], {4: "Tense=Past|VerbForm=Part"})
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["FRA"]
    doc._.ch_actors = []
    events = coded(doc, small_lexicon("fr", [{"match": "attaquer", "cameo": "190"}]))
    assert [(e["actor"]["entity_text"], e["actor"]["sector"], e["recipient"]["entity_text"], e["recipient"]["sector"])
            for e in events] == [("des militants", "CVL", "Le maire", "GOV")]


def test_a_state_and_an_unlisted_body_of_its_own_are_one_side() -> None:
    # "Le Mali critique le gouvernement malien ." — no act of Mali against itself
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                            ("critique", "critiquer", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                            ("gouvernement", "gouvernement", "NOUN", "obj", 2), ("malien", "malien", "ADJ", "amod", 4),
                            (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["MLI"]
    set_actors(doc, Mali="MLI", malien="MLI")
    doc._.ch_actors[0].update(sector=None)
    events = coded(doc, small_lexicon("fr", [{"match": "critiquer", "cameo": "111"}]))
    assert [(e["actor"]["code"], e["recipient"]) for e in events] == [("MLI", None)]


def test_a_body_whose_country_is_only_the_context_s_is_not_the_state_s_own() -> None:
    # "L' entreprise a été sanctionnée par le Trésor américain ." — the company takes the country in
    # focus (USA) as a guess: it stays a party apart from the American Treasury
    doc = parsed_doc("fr", [("L'", "le", "DET", "det", 1), ("entreprise", "entreprise", "NOUN", "nsubj:pass", 4),
                            ("a", "avoir", "AUX", "aux:tense", 4), ("été", "être", "AUX", "aux:pass", 4),
                            ("sanctionnée", "sanctionner", "VERB", "ROOT", 4), ("par", "par", "ADP", "case", 7),
                            ("le", "le", "DET", "det", 7), ("Trésor", "Trésor", "PROPN", "obl:agent", 4),
                            ("américain", "américain", "ADJ", "amod", 7), (".", ".", "PUNCT", "punct", 4)],
                     {4: "Tense=Past|VerbForm=Part"})
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["USA"]
    set_actors(doc, américain="USA")
    doc._.ch_actors[0].update(sector=None)
    events = coded(doc, small_lexicon("fr", [{"match": "sanctionner", "cameo": "163"}]))
    found = [(e["actor"]["code"], (e["recipient"] or {}).get("entity_text")) for e in events]
    assert found == [("USA", "L' entreprise")]
