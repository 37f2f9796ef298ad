"""French trigger families of data/events_fr.yaml v4: each family matches, its look-alikes do not.

The lemma tests need no model (lemmas written by hand the way fr_core_news_md gives them); the
marked ones run the real pipeline. Every sentence was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from lexicon_helpers import Triple, coded_words, event_triples

from chronique.knowledge.lexicon import load_event_lexicon

LEX = load_event_lexicon("fr")
VERBS = frozenset({"réunir", "intervenir", "lancer", "mener", "condamner", "écoper", "prononcer",
                   "transférer", "qualifier", "prendre", "respecter", "annoncer", "inscrire"})


def _codes(lemmas: str) -> list[tuple[str, str]]:
    return coded_words(LEX, lemmas, VERBS)


def _events(pipeline: Any, text: str) -> list[Triple]:
    return event_triples(pipeline, text, "fr", "2024-05-02")


@pytest.mark.parametrize(("lemmas", "words", "event"), [
    ("le délégué se réunir à Genève", "réunir", "CONSULT"),
    ("le Tchad lancer un intervention armé au Cameroun", "intervention armé", "ASSAULT"),
    ("le pays intervenir militairement dans le conflit", "intervenir militairement", "ASSAULT"),
    ("le armée lancer un offensive contre le rebelle", "lancer offensive", "ASSAULT"),
    ("le milice mener un raid contre le village", "mener raid", "ASSAULT"),
    ("le Japon annoncer le annulation de le sommet", "annulation sommet", "REJECT"),
    # a named convict between the verb and "à N ans de prison" is bridged by "à"; a sentence is a
    # conviction, SANCTION 'convict' (PLOVER manual; branch frclass, was COERCE)
    ("le tribunal condamner le ancien ministre à sept an de prison", "condamner à an", "SANCTION"),
    ("le opposant écoper de deux an de prison", "écoper an", "SANCTION"),
    ("le pays transférer le responsabilité de le sécurité", "transférer responsabilité", "RETREAT"),
    ("le Canada inscrire le groupe sur son liste noire", "liste noire", "SANCTION"),
    ("le gouvernement prendre le engagement de aider", "prendre engagement", "AGREE"),
])
def test_family_matches(lemmas: str, words: str, event: str) -> None:
    assert (words, event) in _codes(lemmas)


@pytest.mark.parametrize(("lemmas", "absent"), [
    # an intervention alone is as often a speech or a rescue
    ("le ministre faire un intervention remarqué", "intervention"),
    # a court sentence is no criticism
    ("le tribunal condamner le ancien ministre à sept an de prison", "condamner"),
])
def test_look_alikes_do_not_match(lemmas: str, absent: str) -> None:
    assert absent not in [w for w, _ in _codes(lemmas)]


def test_the_new_families_are_versioned() -> None:
    assert int(LEX.version) >= 4  # later versions keep these families
    qualifier = [t for t in LEX.triggers if t.words == ("qualifier",)]
    assert qualifier and all(t.embeds == "content" for t in qualifier)


@pytest.mark.model
def test_naming_an_act_a_crime_is_no_act(pipeline: Any) -> None:
    events = _events(pipeline, "Le rapporteur de l'ONU a qualifié les bombardements du Soudan de crimes de guerre.")
    assert [e for e in events if e[0] == "ACCUSE"]
    assert not [e for e in events if e[0] == "ASSAULT"]


@pytest.mark.model
def test_a_prison_sentence_is_coerce_not_accuse(pipeline: Any) -> None:
    events = _events(pipeline, "Un tribunal iranien a condamné le chercheur français à huit ans de prison.")
    # the conviction (SANCTION) and, the term being served, the imprisonment (COERCE): branch frclass
    assert ("SANCTION", "IRN", "FRA") in events
    assert ("COERCE", "IRN", "FRA") in events
    assert not [e for e in events if e[0] == "ACCUSE"]


@pytest.mark.model
def test_launching_an_offensive_and_cancelling_a_summit(pipeline: Any) -> None:
    assert ("ASSAULT", "NGA", "BOKOHARAM") in _events(pipeline, "Le Nigeria a lancé une offensive contre Boko Haram.")
    assert ("REJECT", "CHN", "JPN") in _events(pipeline, "La Chine a annoncé l'annulation du sommet avec le Japon.")
