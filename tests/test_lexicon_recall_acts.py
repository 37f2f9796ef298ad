"""Verb classes added for recall (issue 12, rules.v11): court findings, legal action, searches, force,
returned property, releases, consultations, declared support, warnings; in English and French.

The lemma tests need no model (lemma sequences written by hand the way the parsers give them); the
marked ones run the real pipeline. Every sentence was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from lexicon_helpers import Triple, coded_words, event_triples, lemma_matches, plover_event

from chronique.knowledge.lexicon import load_event_lexicon

EN = load_event_lexicon("en")
FR = load_event_lexicon("fr")
EN_VERBS = frozenset({"find", "sentence", "file", "launch", "summon", "search", "storm", "strike", "return",
                      "let", "declare", "discuss", "hold", "call", "express", "reiterate", "voice", "issue",
                      "beef", "fault", "slam", "apprehend", "rule"})
FR_VERBS = frozenset({"reconnaître", "déclarer", "statuer", "condamner", "émettre", "agresser", "foncer",
                      "réaffirmer", "annoncer", "quitter", "allouer", "donner", "voter", "placer"})


def _en(lemmas: str) -> list[tuple[str, str]]:
    return coded_words(EN, lemmas, EN_VERBS)


def _fr(lemmas: str) -> list[tuple[str, str]]:
    return coded_words(FR, lemmas, FR_VERBS)


@pytest.mark.parametrize(("lemmas", "words", "event"), [
    # PLOVER manual: a finding of guilt is SANCTION 'convict', whatever the CAMEO crosswalk says
    ("a court find the mayor guilty of fraud", "find guilty", "SANCTION"),
    ("the court convict the banker", "convict", "SANCTION"),
    ("a judge sentence the spy", "sentence", "SANCTION"),
    ("a judge sentence the spy to ten year in prison", "sentence prison", "COERCE"),
    ("police issue an arrest warrant for the actor", "issue arrest warrant", "THREATEN"),
    ("the union file a lawsuit against the ministry", "file lawsuit", "ACCUSE"),
    ("the commission launch legal action against Poland", "legal action", "ACCUSE"),
    ("prosecutors file charge against the minister", "file charge", "ACCUSE"),
    ("Greece summon the Turkish ambassador", "summon ambassador", "ACCUSE"),
    ("the aide fault the decision", "fault", "ACCUSE"),
    ("police search the office of the bank", "search office", "COERCE"),
    ("troops storm the camp", "storm", "ASSAULT"),
    ("jets strike rebel position", "strike", "ASSAULT"),
    ("the army launch an assault on the town", "assault", "ASSAULT"),
    ("the army intensify its bombardment of the district", "bombardment", "ASSAULT"),
    ("the museum return six stolen artifact to Peru", "return artifact", "RETREAT"),
    ("Yemen let free the journalist", "let free", "RETREAT"),
    ("the rebels declare a cease - fire", "declare cease fire", "CONCEDE"),
    ("the minister discuss the crisis with his counterpart", "discuss", "CONSULT"),
    ("the president call the king to discuss trade", "call discuss", "CONSULT"),
    ("Turkey express its full support for the government", "express support", "SUPPORT"),
    ("China issue a warning to Japan", "issue warning", "THREATEN"),
    ("the army beef up its troop presence along the border", "beef up presence", "MOBILIZE"),
])
def test_english_class_matches(lemmas: str, words: str, event: str) -> None:
    assert (words, event) in _en(lemmas)


@pytest.mark.parametrize(("lemmas", "absent"), [
    # looking for someone is no search of premises
    ("rescuers search for survivor in the house", "search house"),
    # a deal struck is an agreement
    ("the rivals strike a deal", "strike"),
    # returning to a place hands nothing back
    ("the negotiator return to Geneva", "return artifact"),
    # a warrant of another kind threatens no arrest
    ("the court issue a production warrant", "issue arrest warrant"),
])
def test_english_look_alikes_do_not_match(lemmas: str, absent: str) -> None:
    assert absent not in [w for w, _ in _en(lemmas)]


def test_a_labour_strike_is_no_assault() -> None:
    # the noun keeps its PROTEST reading; only the verb strikes a target
    found = lemma_matches(EN, "the union call a strike", {1: "VERB", 3: "DET", 4: "NOUN"})
    assert [plover_event(m) for m in found if m.trigger.words == ("strike",)] == ["PROTEST"]


@pytest.mark.parametrize(("lemmas", "words", "event"), [
    ("le tribunal reconnaître le ancien maire coupable", "reconnaître coupable", "SANCTION"),
    ("le juge statuer contre le décret", "statuer contre", "SANCTION"),
    ("le ancien ministre être condamner par le cour de appel", "condamner cour", "SANCTION"),
    ("le député voter le destitution de le présidente", "voter destitution", "SANCTION"),
    ("le juge émettre un mandat de arrêt contre le opposant", "émettre mandat", "THREATEN"),
    ("un homme agresser deux policier", "agresser", "ASSAULT"),
    ("un camion foncer sur le foule", "foncer sur", "ASSAULT"),
    ("le président réaffirmer son soutien à le gouvernement", "réaffirmer soutien", "SUPPORT"),
    ("le ministre quitter le gouvernement", "quitter gouvernement", "RETREAT"),
    ("le État allouer un aide à le hôpital", "allouer", "AID"),
    ("le armée donner le assaut à le ville", "donner assaut", "ASSAULT"),
    ("trois homme être placer en garde à vue", "placer en garde vue", "COERCE"),
    ("une enquête ouvrir à le suite de plainte de manifestant", "plainte", "ACCUSE"),
    ("le blocage de le raffinerie par le syndicat", "blocage", "PROTEST"),
])
def test_french_class_matches(lemmas: str, words: str, event: str) -> None:
    assert (words, event) in _fr(lemmas)


def test_a_court_sentence_to_prison_is_a_conviction_in_french() -> None:
    # the longer pattern wins at its head: "condamner à N ans" is the sentence, SANCTION 'convict' (PLOVER
    # manual; branch frclass); the prison term served adds its arrest (chronique.coding.court_sentences)
    assert ("condamner à an", "SANCTION") in _fr("le tribunal condamner le homme à trois an de prison")


def _events(pipeline: Any, text: str, lang: str) -> list[Triple]:
    return event_triples(pipeline, text, lang, "2024-05-02")


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    # the parser makes the convict the subject of "guilty": still the recipient
    ("A court in Oslo found the Russian spy guilty of espionage on Monday.", ("SANCTION", "NOR", "RUS")),
    ("The Kenyan government filed a lawsuit against the Ugandan company over the pipeline.",
     ("ACCUSE", "KEN", "UGA")),
    ("Ukraine summoned the Hungarian ambassador on Tuesday over the remarks.", ("ACCUSE", "UKR", "HUN")),
    ("Italian police searched the offices of the French bank in Milan.", ("COERCE", "ITA", "FRA")),
    ("The Nigerian army launched an assault on Boko Haram camps in Borno.", ("ASSAULT", "NGA", "BOKOHARAM")),
    ("Israeli jets struck Hamas positions in Gaza overnight.", ("ASSAULT", "ISR", "HAMAS")),
    ("The United States returned dozens of stolen artifacts to the government of Peru.",
     ("RETREAT", "USA", "PER")),
    ("Yemen let free two Saudi journalists on Friday.", ("RETREAT", "YEM", "SAU")),
    ("President Macron discussed the crisis with Chancellor Merkel on Monday.", ("CONSULT", "FRA", "DEU")),
    ("Turkey expressed its full support for the Azerbaijani government.", ("SUPPORT", "TUR", "AZE")),
    ("The Chinese foreign ministry issued a warning to Japan on Friday.", ("THREATEN", "CHN", "JPN")),
])
def test_english_sentences(pipeline: Any, text: str, triple: Triple) -> None:
    assert triple in _events(pipeline, text, "en")


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    ("Le président tunisien a réaffirmé son soutien au gouvernement libyen.", ("SUPPORT", "TUN", "LBY")),
    ("La justice espagnole a émis un mandat d'arrêt contre le président catalan.", ("THREATEN", "ESP", None)),
])
def test_french_sentences(pipeline: Any, text: str, triple: Triple) -> None:
    assert triple in _events(pipeline, text, "fr")
