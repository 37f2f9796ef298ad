"""Two coded parties of a symmetric act's subject are each other's recipient
(chronique.coding.coordinated), and an act noun under a verb of undergoing has the verb's subject as
its recipient (chronique.coding.undergone). Hand-built parses; every sentence was written for these tests.
"""

from __future__ import annotations

from typing import Any

from coding_helpers import parsed_doc, set_actors, small_lexicon, triples

MEET = [{"match": "meet", "cameo": "040"}]


def _met(first: str, second: str) -> Any:
    # "<first> and <second> met to discuss Bolivia ."
    doc = parsed_doc("en", [(first, first, "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 2),
                            (second, second, "PROPN", "conj", 0), ("met", "meet", "VERB", "ROOT", 3),
                            ("to", "to", "PART", "aux", 5), ("discuss", "discuss", "VERB", "advcl", 3),
                            ("Bolivia", "Bolivia", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "en"
    return doc


def test_the_two_sides_of_a_coordinated_subject_meet_each_other() -> None:
    doc = _met("Peru", "Chile")
    set_actors(doc, Peru="PER", Chile="CHL", Bolivia="BOL")
    assert triples(doc, small_lexicon("en", MEET)) == {("CONSULT", "PER", "CHL")}


def test_one_side_named_twice_still_takes_the_guessed_recipient() -> None:
    doc = _met("Peru", "Lima")
    set_actors(doc, Peru="PER", Lima="PER", Bolivia="BOL")
    assert triples(doc, small_lexicon("en", MEET)) == {("CONSULT", "PER", "BOL")}


CRITICISM = [{"match": "criticism", "cameo": "111", "pos": ["NOUN"]}]


def _criticism(verb: str, lemma: str, case: str) -> Any:
    # "Peru <verb> criticism <case> Chile ."
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1),
                            ("criticism", "criticism", "NOUN", "dobj", 1), (case, case, "ADP", "prep", 2),
                            ("Chile", "Chile", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)])
    doc._.ch_lang = "en"
    set_actors(doc, Peru="PER", Chile="CHL")
    return doc


def test_who_faces_criticism_is_its_recipient() -> None:
    assert triples(_criticism("faced", "face", "from"), small_lexicon("en", CRITICISM)) == {("ACCUSE", "CHL", "PER")}


def test_who_voices_criticism_is_its_doer() -> None:
    assert triples(_criticism("voiced", "voice", "against"), small_lexicon("en", CRITICISM)) == \
        {("ACCUSE", "PER", "CHL")}


def test_faire_face_a_une_offensive() -> None:
    # "Le Pérou fait face à une offensive du Chili ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 2),
                            ("fait", "faire", "VERB", "ROOT", 2), ("face", "face", "NOUN", "obj", 2),
                            ("à", "à", "ADP", "case", 6), ("une", "un", "DET", "det", 6),
                            ("offensive", "offensive", "NOUN", "obl:arg", 2), ("du", "de", "ADP", "case", 8),
                            ("Chili", "Chili", "PROPN", "nmod", 6), (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_lang = "fr"
    set_actors(doc, Pérou="PER", Chili="CHL")
    lexicon = small_lexicon("fr", [{"match": "offensive", "cameo": "190", "pos": ["NOUN"]}])
    assert triples(doc, lexicon) == {("ASSAULT", "CHL", "PER")}


def test_the_target_of_accusations() -> None:
    # "Le Pérou a fait l'objet d'accusations du Chili ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Pérou", "Pérou", "PROPN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("fait", "faire", "VERB", "ROOT", 3),
                            ("l'", "le", "DET", "det", 5), ("objet", "objet", "NOUN", "obj", 3),
                            ("d'", "de", "ADP", "case", 7), ("accusations", "accusation", "NOUN", "nmod", 5),
                            ("du", "de", "ADP", "case", 9), ("Chili", "Chili", "PROPN", "nmod", 7),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    set_actors(doc, Pérou="PER", Chili="CHL")
    lexicon = small_lexicon("fr", [{"match": "accusation", "cameo": "112", "pos": ["NOUN"]}])
    assert triples(doc, lexicon) == {("ACCUSE", "CHL", "PER")}
