"""A first-person party stands for the speaker of its sentence (chronique.coding.quoted_speaker), not
for the last party named before it. Hand-built parses; every sentence was written for these tests."""

from __future__ import annotations

from coding_helpers import parsed_doc, set_actors, small_lexicon, triples

SUPPORT_EN = [{"match": "support", "cameo": "051"}]


def test_we_in_a_quotation_is_its_speaker() -> None:
    # "Peru knows : we support Bolivia , Chile said ." — Peru is named first, Chile speaks
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("knows", "know", "VERB", "parataxis", 8),
                            (":", ":", "PUNCT", "punct", 1), ("we", "we", "PRON", "nsubj", 4),
                            ("support", "support", "VERB", "ccomp", 8), ("Bolivia", "Bolivia", "PROPN", "dobj", 4),
                            (",", ",", "PUNCT", "punct", 8), ("Chile", "Chile", "PROPN", "nsubj", 8),
                            ("said", "say", "VERB", "ROOT", 8), (".", ".", "PUNCT", "punct", 8)])
    doc._.ch_lang = "en"
    set_actors(doc, Peru="PER", Chile="CHL", Bolivia="BOL")
    got = triples(doc, small_lexicon("en", SUPPORT_EN, speech=["say"], pronouns=["we"]))
    assert ("SUPPORT", "CHL", "BOL") in got and not any(a == "PER" for _, a, _ in got)


def test_nous_dans_une_citation_est_celui_qui_parle() -> None:
    # "« Nous soutenons la Bolivie » , a déclaré le Chili ."
    doc = parsed_doc("fr", [("«", "«", "PUNCT", "punct", 2), ("Nous", "nous", "PRON", "nsubj", 2),
                            ("soutenons", "soutenir", "VERB", "ccomp", 8), ("la", "le", "DET", "det", 4),
                            ("Bolivie", "Bolivie", "PROPN", "obj", 2), ("»", "»", "PUNCT", "punct", 2),
                            (",", ",", "PUNCT", "punct", 8), ("a", "avoir", "AUX", "aux:tense", 8),
                            ("déclaré", "déclarer", "VERB", "ROOT", 8), ("le", "le", "DET", "det", 10),
                            ("Chili", "Chili", "PROPN", "nsubj", 8), (".", ".", "PUNCT", "punct", 8)])
    doc._.ch_lang = "fr"
    # the speaker is named after the quotation: no antecedent of "Nous", and the reported-speech
    # rule ("X said he …") only reads a speaker named before the pronoun
    set_actors(doc, Bolivie="BOL", Chili="CHL")
    lexicon = small_lexicon("fr", [{"match": "soutenir", "cameo": "051"}], speech=["déclarer"], pronouns=["nous"])
    assert ("SUPPORT", "CHL", "BOL") in triples(doc, lexicon)


def test_the_pronouns_own_verb_of_saying_names_no_speaker() -> None:
    # "We said we support Bolivia ." — no other speaker: the first person stays uncoded
    doc = parsed_doc("en", [("We", "we", "PRON", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                            ("we", "we", "PRON", "nsubj", 3), ("support", "support", "VERB", "ccomp", 1),
                            ("Bolivia", "Bolivia", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)])
    doc._.ch_lang = "en"
    set_actors(doc, Bolivia="BOL")
    assert {a for _, a, _ in triples(doc, small_lexicon("en", SUPPORT_EN, speech=["say"], pronouns=["we"]))} <= {None}
