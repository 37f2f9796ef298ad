"""A recipient the parse names by a common noun for people (chronique.coding.people_recipients): the
country in focus with the noun's sector, UNK for an unnamed attacker; it only fills a recipient the
parse left empty and ranks as no recipient. Hand-built parses; every sentence was written for these tests.
"""

from __future__ import annotations

from typing import Any

from coding_helpers import coded, parsed_doc, set_actors, small_lexicon

from chronique.coding.mentions import MentionIndex
from chronique.coding.people_recipients import people_recipients

SUPPORT_FR = [{"match": "soutenir", "cameo": "051"}]
SUPPORT_EN = [{"match": "support", "cameo": "051"}]


def _fr_support(noun: str, lemma: str, focus: str | None = "PER") -> list[dict[str, Any]]:
    # "Le Pérou soutient la <noun> ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 2),
                            ("soutient", "soutenir", "VERB", "ROOT", 2), ("la", "le", "DET", "det", 4),
                            (noun, lemma, "NOUN", "obj", 2), (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = [focus]
    set_actors(doc, Pérou="PER")
    return coded(doc, small_lexicon("fr", SUPPORT_FR))


def test_a_people_noun_object_is_the_recipient_with_the_country_in_focus() -> None:
    (event,) = _fr_support("communauté", "communauté")
    recipient = event["recipient"]
    assert (recipient["entity_text"], recipient["code"], recipient["sector"]) == ("la communauté", "PER", "CVL")


def test_an_object_that_names_no_people_leaves_the_recipient_empty() -> None:
    (event,) = _fr_support("réforme", "réforme")
    assert event["recipient"] is None


def test_a_people_noun_recipient_ranks_as_no_recipient() -> None:
    (people,) = _fr_support("communauté", "communauté")
    (nobody,) = _fr_support("réforme", "réforme")
    assert people["confidence"] == nobody["confidence"]


def test_with_no_country_in_the_text_the_recipient_stays_uncoded() -> None:
    (event,) = _fr_support("communauté", "communauté", focus=None)
    assert (event["recipient"]["entity_text"], event["recipient"]["code"]) == ("la communauté", None)


def test_an_unnamed_attacker_shot_by_the_police_is_unknown() -> None:
    # "The attacker was shot by police ." — the passive subject undergoes the act
    doc = parsed_doc("en", [("The", "the", "DET", "det", 1), ("attacker", "attacker", "NOUN", "nsubjpass", 3),
                            ("was", "be", "AUX", "auxpass", 3), ("shot", "shoot", "VERB", "ROOT", 3),
                            ("by", "by", "ADP", "agent", 3), ("police", "police", "NOUN", "pobj", 4),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "en"
    doc._.ch_focus = ["NZL"]
    set_actors(doc, sector="COP", police="NZL")
    (event,) = coded(doc, small_lexicon("en", [{"match": "shoot", "cameo": "190"}]))
    assert (event["actor"]["code"], event["recipient"]["entity_text"], event["recipient"]["code"]) == \
        ("NZL", "The attacker", "UNK")


def test_one_of_the_attackers_is_unknown_too() -> None:
    # "La police a abattu un des assaillants ."
    doc = parsed_doc("fr", [("La", "le", "DET", "det", 1), ("police", "police", "NOUN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("abattu", "abattre", "VERB", "ROOT", 3),
                            ("un", "un", "PRON", "obj", 3), ("des", "de", "ADP", "case", 6),
                            ("assaillants", "assaillant", "NOUN", "nmod", 4), (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["BEL"]
    set_actors(doc, sector="COP", police="BEL")
    (event,) = coded(doc, small_lexicon("fr", [{"match": "abattre", "cameo": "190"}]))
    assert (event["recipient"]["entity_text"], event["recipient"]["code"]) == ("un des assaillants", "UNK")


def test_a_trigger_nouns_recipient_complement_and_its_coordinated_peer() -> None:
    # "Chile voiced support for the drivers and farmers ." — "for" is no recipient case: nothing;
    # "Chile voiced support to the drivers and farmers ." — both are recipients, one record (one
    # country: rules.dedupe_events keeps one record per code)
    def doc_with(case: str) -> Any:
        doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("voiced", "voice", "VERB", "ROOT", 1),
                                ("support", "support", "NOUN", "dobj", 1), (case, case, "ADP", "prep", 2),
                                ("the", "the", "DET", "det", 5), ("drivers", "driver", "NOUN", "pobj", 3),
                                ("and", "and", "CCONJ", "cc", 5), ("farmers", "farmer", "NOUN", "conj", 5),
                                (".", ".", "PUNCT", "punct", 1)])
        doc._.ch_lang = "en"
        doc._.ch_focus = ["CHL"]
        set_actors(doc, Chile="CHL")
        return doc
    lexicon = small_lexicon("en", SUPPORT_EN)
    assert {(e["recipient"] or {}).get("entity_text") for e in coded(doc_with("for"), lexicon)} == {None}
    got = {(e["recipient"]["entity_text"], e["recipient"]["code"], e["recipient"]["sector"])
           for e in coded(doc_with("to"), lexicon)}
    assert got == {("the drivers", "CHL", "LAB")}
    doc = doc_with("to")
    found = people_recipients(doc[2], [doc[2]], MentionIndex(doc), lexicon.words, "en")
    assert [a["text"] for a in found] == ["the drivers", "farmers"]


def test_a_named_party_in_the_object_is_left_to_the_parse() -> None:
    # "Le Pérou soutient la communauté de Bolivie ." — the party the parse names wins
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 2),
                            ("soutient", "soutenir", "VERB", "ROOT", 2), ("la", "le", "DET", "det", 4),
                            ("communauté", "communauté", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 6),
                            ("Bolivie", "Bolivie", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["PER"]
    set_actors(doc, Pérou="PER", Bolivie="BOL")
    (event,) = coded(doc, small_lexicon("fr", SUPPORT_FR))
    assert event["recipient"]["code"] == "BOL"


def _fr_possessed(noun: str) -> list[dict[str, Any]]:
    # "Le Pérou soutient ses <noun> ." — "ses" refers to the doer
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 2),
                            ("soutient", "soutenir", "VERB", "ROOT", 2), ("ses", "son", "DET", "det", 4),
                            (noun, noun, "NOUN", "obj", 2), (".", ".", "PUNCT", "punct", 2)],
                     morphs={3: "Number=Plur|Poss=Yes"})
    doc._.ch_lang = "fr"
    doc._.ch_focus = ["PER"]
    set_actors(doc, Pérou="PER")
    return coded(doc, small_lexicon("fr", SUPPORT_FR))


def test_the_doers_own_people_are_no_recipient() -> None:
    (event,) = _fr_possessed("partisans")
    assert event["recipient"] is None


def test_the_doers_rivals_are_still_recipients() -> None:
    (event,) = _fr_possessed("adversaires")
    assert (event["recipient"]["entity_text"], event["recipient"]["code"]) == ("ses adversaires", "PER")
