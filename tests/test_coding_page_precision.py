"""English page precision (issues 12, 13; branch enprec): acts told as not carried out (failed,
eschewed, unable to, under pressure to), a word of accusation that only qualifies a noun ("the
alleged killer"), what an act is about is no recipient ("answers from X on Y"), an attack by a body
with no force of its own is a criticism, and the senses of a letter sent, a contract fight, a bill
signed and "hail from"; the "of" of a judging noun ("criticism of X") is who is judged; "sought to control" is
an attempt, no request. Hand-built parses and real parses (marked ``model``); every sentence was written here.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc

from chronique.coding.hedges import hedge
from chronique.coding.topic_phrases import topic_tokens
from chronique.coding.unrealised import unrealised, unrealised_governor
from chronique.coding.verbal_attacks import verbal_attack
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.knowledge.senses import load_senses
from chronique.knowledge.topic_case_words import topic_case_words
from chronique.knowledge.unrealised_words import unrealised_words
from chronique.nlp.senses import check_senses

LEAD = {"en": "Talks opened in Geneva on Monday. ", "fr": "Les négociations ont repris lundi à Genève. "}
Triple = tuple[str, str | None, str | None]


def _triples(pipeline: Any, text: str, lang: str = "en") -> set[Triple]:
    events = pipeline.extract(text, lang=lang, published="2026-03-04").events
    return {(e.event, e.actor and e.actor.code, e.recipient and e.recipient.code) for e in events}


def test_packaged_words_cover_both_languages() -> None:
    assert {"fail", "eschew", "unable", "pressure"} <= unrealised_words("en").governors
    assert {"échouer", "incapable", "refuser"} <= unrealised_words("fr").governors
    assert not unrealised_words("de").governors
    assert {"about", "over"} <= topic_case_words("en").topic_cases
    assert "sur" in topic_case_words("fr").topic_or_aim_cases
    assert not topic_case_words("de").topic_cases


# ---- acts not carried out -------------------------------------------------------------------

def _unable_doc() -> Any:
    # "Peru was unable to make Chile cooperate ."
    return parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("was", "be", "AUX", "ROOT", 1),
                             ("unable", "unable", "ADJ", "acomp", 1), ("to", "to", "PART", "aux", 4),
                             ("make", "make", "VERB", "xcomp", 2), ("Chile", "Chile", "PROPN", "nsubj", 6),
                             ("cooperate", "cooperate", "VERB", "ccomp", 4), (".", ".", "PUNCT", "punct", 1)])


def test_an_act_under_a_word_of_inability_is_not_carried_out() -> None:
    doc = _unable_doc()
    governor = unrealised_governor(doc[6])
    assert governor is not None and governor.text == "unable"


def test_a_negated_governor_tells_the_act_was_done() -> None:
    # "Peru did not hesitate to attack Chile ."
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 3), ("did", "do", "AUX", "aux", 3),
                            ("not", "not", "PART", "neg", 3), ("hesitate", "hesitate", "VERB", "ROOT", 3),
                            ("to", "to", "PART", "aux", 5), ("attack", "attack", "VERB", "xcomp", 3),
                            ("Chile", "Chile", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 3)])
    assert not unrealised(doc[5])
    # the same without "not": the attack is not carried out
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("hesitated", "hesitate", "VERB", "ROOT", 1),
                            ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1),
                            ("Chile", "Chile", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)])
    assert unrealised(doc[3])


def test_the_governor_that_is_the_events_own_trigger_does_not_count() -> None:
    # "Peru and Chile failed to reach agreement ." read as the rejection "fail … agreement"
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
                            ("Chile", "Chile", "PROPN", "conj", 0), ("failed", "fail", "VERB", "ROOT", 3),
                            ("to", "to", "PART", "aux", 5), ("reach", "reach", "VERB", "xcomp", 3),
                            ("agreement", "agreement", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 3)])
    assert unrealised(doc[6], {"_lemma": "reach agreement"})  # type: ignore[typeddict-item]
    assert not unrealised(doc[6], {"_lemma": "fail agreement"})  # type: ignore[typeddict-item]


def test_a_clause_told_in_its_own_right_ends_the_walk() -> None:
    # "Peru refused the plan because Chile attacked Bolivia ." — the attack was carried out
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("refused", "refuse", "VERB", "ROOT", 1),
                            ("the", "the", "DET", "det", 3), ("plan", "plan", "NOUN", "dobj", 1),
                            ("because", "because", "SCONJ", "mark", 6), ("Chile", "Chile", "PROPN", "nsubj", 6),
                            ("attacked", "attack", "VERB", "advcl", 1), ("Bolivia", "Bolivia", "PROPN", "dobj", 6),
                            (".", ".", "PUNCT", "punct", 1)])
    assert not unrealised(doc[6])
    # "Peru refused to say that Chile attacked Bolivia ." — a verb with its own subject above the act
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("refused", "refuse", "VERB", "ROOT", 1),
                            ("to", "to", "PART", "aux", 3), ("say", "say", "VERB", "xcomp", 1),
                            ("that", "that", "SCONJ", "mark", 6), ("Chile", "Chile", "PROPN", "nsubj", 6),
                            ("attacked", "attack", "VERB", "ccomp", 3), ("Bolivia", "Bolivia", "PROPN", "dobj", 6),
                            (".", ".", "PUNCT", "punct", 1)])
    assert not unrealised(doc[6])


NOT_CARRIED_OUT = [  # (language, sentence, the event the rules read in it, a sentence of the act done)
    ("en", LEAD["en"] + "Germany failed to support France at the summit.", ("SUPPORT", "DEU", "FRA"),
     LEAD["en"] + "Germany supported France at the summit."),
    ("en", LEAD["en"] + "Germany eschewed endorsing France.", ("SUPPORT", "DEU", "FRA"),
     LEAD["en"] + "Germany endorsed France on Monday."),
    ("en", LEAD["en"] + "The ministry said Poland was unable to make Hungary cooperate with Ukraine.",
     ("COOPERATE", "HUN", "UKR"), LEAD["en"] + "Hungary cooperated with Ukraine on Monday."),
]


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "triple", "done"), NOT_CARRIED_OUT)
def test_real_parse_an_act_not_carried_out_is_dropped(rules_pipeline: Any, unchecked_rules_pipeline: Any,
                                                      lang: str, text: str, triple: Triple, done: str) -> None:
    assert triple in _triples(unchecked_rules_pipeline, text, lang)
    assert triple not in _triples(rules_pipeline, text, lang)
    assert triple[1:] in {t[1:] for t in _triples(rules_pipeline, done, lang)}


@pytest.mark.model
def test_real_parse_french_inability_drops_the_act(rules_pipeline: Any, unchecked_rules_pipeline: Any) -> None:
    text = "Le gouvernement a été incapable de faire coopérer l'armée et la police."
    assert any(t[0] == "COOPERATE" for t in _triples(unchecked_rules_pipeline, text, "fr"))
    assert not any(t[0] == "COOPERATE" for t in _triples(rules_pipeline, text, "fr"))


# ---- hedges ---------------------------------------------------------------------------------

def test_an_accusation_word_qualifying_a_noun_is_a_hedge() -> None:
    # "The alleged spies left ." / "Peru alleged fraud ."
    doc = parsed_doc("en", [("The", "the", "DET", "det", 2), ("alleged", "allege", "VERB", "amod", 2),
                            ("spies", "spy", "NOUN", "nsubj", 3), ("left", "leave", "VERB", "ROOT", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    assert hedge(doc[1], {"cameo": "112"})  # type: ignore[typeddict-item]
    assert not hedge(doc[1], {"cameo": "190"})  # type: ignore[typeddict-item]
    doc = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("alleged", "allege", "VERB", "ROOT", 1),
                            ("fraud", "fraud", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)])
    assert not hedge(doc[1], {"cameo": "112"})  # type: ignore[typeddict-item]


# ---- what an act is about -------------------------------------------------------------------

def _trigger(lang: str, lemma: str) -> Any:
    lexicon = load_event_lexicon(lang)
    return next(t for t in lexicon.triggers if t.words == (lemma,)), lexicon


def test_the_topic_of_a_request_holds_no_recipient() -> None:
    # "Chile demanded answers from Peru about Bolivian networks ."
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("demanded", "demand", "VERB", "ROOT", 1),
                            ("answers", "answer", "NOUN", "dobj", 1), ("from", "from", "ADP", "prep", 2),
                            ("Peru", "Peru", "PROPN", "pobj", 3), ("about", "about", "ADP", "prep", 2),
                            ("Bolivian", "bolivian", "ADJ", "amod", 7), ("networks", "network", "NOUN", "pobj", 5),
                            (".", ".", "PUNCT", "punct", 1)])
    trigger, lexicon = _trigger("en", "demand")
    inside = topic_tokens(doc[1], trigger, lexicon)
    assert {5, 6, 7} <= inside and 4 not in inside


def test_the_possessor_of_the_topic_stays_a_party() -> None:
    # "Chile asked about Peru 's efforts ." — whose conduct is asked about
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("asked", "ask", "VERB", "ROOT", 1),
                            ("about", "about", "ADP", "prep", 1), ("Peru", "Peru", "PROPN", "poss", 5),
                            ("'s", "'s", "PART", "case", 3), ("efforts", "effort", "NOUN", "pobj", 2),
                            (".", ".", "PUNCT", "punct", 1)])
    trigger, lexicon = _trigger("en", "demand")
    assert topic_tokens(doc[1], trigger, lexicon) == {2, 5}


def _french(noun: str, lemma: str, verb: str = "exigé", verb_lemma: str = "exiger") -> Any:
    # "Le Chili a <verb> des <noun> sur le Pérou ." (UD: the "sur" phrase hangs on the noun)
    return parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Chili", "Chili", "PROPN", "nsubj", 3),
                             ("a", "avoir", "AUX", "aux", 3), (verb, verb_lemma, "VERB", "ROOT", 3),
                             ("des", "un", "DET", "det", 5), (noun, lemma, "NOUN", "obj", 3),
                             ("sur", "sur", "ADP", "case", 8), ("le", "le", "DET", "det", 8),
                             ("Pérou", "Pérou", "PROPN", "nmod", 5), (".", ".", "PUNCT", "punct", 3)])


def test_sur_after_a_noun_of_no_act_is_a_topic_and_after_a_measure_its_target() -> None:
    trigger, lexicon = _trigger("fr", "exiger")
    assert {6, 7, 8} <= topic_tokens(_french("explications", "explication")[3], trigger, lexicon)
    # "a exigé des sanctions sur le Pérou": the sanctions aim at Peru
    assert not topic_tokens(_french("sanctions", "sanction")[3], trigger, lexicon)


def test_sur_as_the_verbs_own_complement_is_no_topic() -> None:
    # "Le Chili est revenu sur l'accord ." — no direct object: "sur" is the verb's complement
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Chili", "Chili", "PROPN", "nsubj", 3),
                            ("est", "être", "AUX", "aux", 3), ("revenu", "revenir", "VERB", "ROOT", 3),
                            ("sur", "sur", "ADP", "case", 6), ("l'", "le", "DET", "det", 6),
                            ("accord", "accord", "NOUN", "obl:arg", 3), (".", ".", "PUNCT", "punct", 3)])
    trigger, lexicon = _trigger("fr", "exiger")
    assert not topic_tokens(doc[3], trigger, lexicon)


def test_english_on_is_left_out_of_the_topics() -> None:
    """"on" as a topic moved dev's top events (docs/accuracy.md, branch enprec): not in the English data."""
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("demanded", "demand", "VERB", "ROOT", 1),
                            ("answers", "answer", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 2),
                            ("Peru", "Peru", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)])
    trigger, lexicon = _trigger("en", "demand")
    assert not topic_tokens(doc[1], trigger, lexicon)


@pytest.mark.model
@pytest.mark.parametrize(("text", "recipient", "topic"), [
    ("The Canadian Senate demanded answers from Russia about Iranian spy networks.", "RUS", "IRN"),
    ("Canada asked Russia about Iranian drones.", "RUS", "IRN"),
    ("Canada sanctioned Russia over Iranian drones.", "RUS", "IRN"),
])
def test_real_parse_the_topic_is_no_recipient(rules_pipeline: Any, text: str, recipient: str, topic: str) -> None:
    got = {t[2] for t in _triples(rules_pipeline, text) if t[0] in ("REQUEST", "SANCTION")}
    assert recipient in got and topic not in got, got


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    ("Canada imposed sanctions on Iran.", ("SANCTION", "CAN", "IRN")),
    ("Canada lifted restrictions on Cuba.", ("CONCEDE", "CAN", "CUB")),
])
def test_real_parse_on_keeps_the_target_of_a_measure(rules_pipeline: Any, text: str, triple: Triple) -> None:
    assert triple in _triples(rules_pipeline, text)


# ---- attacks in words -----------------------------------------------------------------------

def test_an_attack_by_a_body_without_force_is_a_criticism() -> None:
    senate = {"code": "CHL", "sector": "LEG"}
    army = {"code": "CHL", "sector": "MIL"}
    assert verbal_attack("ASSAULT", "190", [senate])  # type: ignore[list-item]
    assert not verbal_attack("ASSAULT", "190", [senate, army])  # type: ignore[list-item]
    assert not verbal_attack("ASSAULT", "195", [senate])  # type: ignore[list-item]  # a bombing stays one
    assert not verbal_attack("ASSAULT", "190", [])
    assert not verbal_attack("ASSAULT", "190", [{"code": "CHL", "sector": None}])  # type: ignore[list-item]


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "doer"), [
    ("en", "The Chilean Senate attacked Peru on Monday.", "CHL"),
    ("en", "The Texas Senate's attacks on Rep. Maria Lopez drew protests.", "USA"),
    ("fr", "Le Sénat chilien a attaqué le Pérou lundi.", "CHL"),
])
def test_real_parse_a_legislatures_attack_is_a_criticism(rules_pipeline: Any, lang: str, text: str,
                                                        doer: str) -> None:
    got = _triples(rules_pipeline, text, lang)
    assert any(t[:2] == ("ACCUSE", doer) for t in got) and not any(t[0] == "ASSAULT" for t in got), got
    armed = text.replace("Senate", "army").replace("Sénat", "armée").replace("chilien", "chilienne")
    assert any(t[:2] == ("ASSAULT", doer) for t in _triples(rules_pipeline, armed, lang))


# ---- senses ---------------------------------------------------------------------------------

SENSES = [  # (words, lemmas, trigger index, trigger lemma, CAMEO code, dropped?)
    ("Chile sent a letter to Peru .", "Chile send a letter to Peru .", 1, "send", "070", True),
    ("Chile sent aid to Peru .", "Chile send aid to Peru .", 1, "send", "070", False),
    ("He hails from Lima .", "he hail from Lima .", 1, "hail", "051", True),
    ("Chile hailed Peru .", "Chile hail Peru .", 1, "hail", "051", False),
    ("the contract fight with the company", "the contract fight with the company", 2, "fight", "190", True),
    ("The governor signed the bill into law .", "the governor sign the bill into law .", 2, "sign", "057", True),
    ("Chile signed a trade agreement with Peru .", "Chile sign a trade agreement with Peru .", 1, "sign", "057", False),
]


@pytest.mark.parametrize(("words", "lemmas", "at", "trigger", "code", "dropped"), SENSES)
def test_packaged_sense_rules_for_letters_origins_and_contract_fights(words: str, lemmas: str, at: int,
                                                                       trigger: str, code: str,
                                                                       dropped: bool) -> None:
    from test_event_screen import _doc, _event

    doc = _doc([words.split()], [lemmas.split()])
    kept = check_senses(doc, [_event(doc, at, trigger, code)], load_senses()["en"], load_cameo_table())
    assert (kept == []) == dropped


# ---- judging nouns and attempts -------------------------------------------------------------

@pytest.mark.model
def test_real_parse_the_of_complement_of_a_judging_noun_is_who_is_judged(rules_pipeline: Any) -> None:
    got = _triples(rules_pipeline, LEAD["en"] + "Germany voiced strong criticism of Russia on Monday.")
    assert ("ACCUSE", "DEU", "RUS") in got and not any(t[:2] == ("ACCUSE", "RUS") for t in got), got


@pytest.mark.model
def test_real_parse_seeking_to_act_is_an_attempt_not_a_request(rules_pipeline: Any,
                                                               unchecked_rules_pipeline: Any) -> None:
    text = LEAD["en"] + "Iran has sought to control the movement."
    assert any(t[0] == "REQUEST" for t in _triples(unchecked_rules_pipeline, text))
    assert not any(t[0] == "REQUEST" for t in _triples(rules_pipeline, text))
    assert ("REQUEST", "IRN", "RUS") in _triples(rules_pipeline, LEAD["en"] + "Iran sought help from Russia.")


@pytest.mark.model
def test_real_parse_whose_conduct_the_topic_names_stays_the_recipient(rules_pipeline: Any) -> None:
    text = "Canadian lawmakers requested additional information regarding the FBI's efforts to address the threat."
    assert ("REQUEST", "CAN", "USA") in _triples(rules_pipeline, text)
