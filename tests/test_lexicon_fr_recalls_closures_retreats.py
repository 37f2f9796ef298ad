"""French lexicon v5: per-entry gaps on recalls, closures and hand-overs; retreat and surrender.

The lemma tests need no model (lemmas written by hand the way fr_core_news_md gives them); the
marked ones run the real pipeline. Every sentence was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from lexicon_helpers import Triple, coded_words, event_triples

from chronique.knowledge.lexicon import MAX_GAP, load_event_lexicon

LEX = load_event_lexicon("fr")
VERBS = frozenset({"rappeler", "fermer", "transférer", "remettre", "capituler", "déposer", "rendre",
                   "démobiliser", "battre", "retirer", "décider"})


def _codes(lemmas: str) -> list[tuple[str, str]]:
    return coded_words(LEX, lemmas, VERBS)


def _events(pipeline: Any, text: str) -> list[Triple]:
    return event_triples(pipeline, text, "fr", "2024-05-02")


@pytest.mark.parametrize(("lemmas", "words", "event"), [
    # a quantity and a possessive between the verb and its object
    ("le Canada rappeler le tiers de son personnel diplomatique", "rappeler personnel", "SANCTION"),
    ("le Mali rappeler dès le lendemain son ambassadeur", "rappeler ambassadeur", "SANCTION"),
    ("le Japon fermer dès le lundi suivant son ambassade", "fermer ambassade", "SANCTION"),
    ("le Bénin retirer à son tour le deux diplomate", "retirer diplomate", "SANCTION"),
    # an adverb and a full date between the verb and "contrôle"
    ("le armée transférer officiellement le mardi 3 mai le contrôle de le base",
     "transférer contrôle", "RETREAT"),
    ("le force remettre hier soir à le police le contrôle de le port", "remettre contrôle", "RETREAT"),
    # retreat, surrender, demobilisation
    ("le rebelle battre en retraite", "battre en retraite", "RETREAT"),
    ("le garnison capituler après trois semaine", "capituler", "RETREAT"),
    ("le milice déposer le arme", "déposer arme", "RETREAT"),
    ("le combattant rendre leur arme", "rendre arme", "RETREAT"),
    ("le gouvernement démobiliser dix mille soldat", "démobiliser", "RETREAT"),
])
def test_family_matches(lemmas: str, words: str, event: str) -> None:
    assert (words, event) in _codes(lemmas)


@pytest.mark.parametrize(("lemmas", "absent"), [
    # without its own gap the hand-over would read as aid ("transférer" alone)
    ("le pays transférer de le fonds vers un compte que le banque placer sous un contrôle", "transférer contrôle"),
    # "déposer" and "rendre" keep their object next to them: anything wider is another phrase
    ("le député déposer un amendement sur le vente de arme", "déposer arme"),
    ("le enquête rendre public le liste de arme", "rendre arme"),
])
def test_look_alikes_do_not_match(lemmas: str, absent: str) -> None:
    assert absent not in [w for w, _ in _codes(lemmas)]


def test_wide_gaps_stay_on_their_families() -> None:
    wide = {t.words for t in LEX.triggers if t.gap > MAX_GAP}
    assert ("rappeler", "personnel") in wide and ("transférer", "contrôle") in wide
    # only multi-word entries and never beyond the bound the loader enforces
    assert all(len(w) > 1 for w in wide)
    assert max(t.gap for t in LEX.triggers) <= 10


@pytest.mark.model
def test_a_recall_of_staff_far_from_its_verb(pipeline: Any) -> None:
    events = _events(pipeline, "Le Canada a rappelé près du tiers du personnel de son ambassade au Venezuela.")
    assert [e for e in events if e[0] == "SANCTION" and e[1] == "CAN"]


@pytest.mark.model
def test_a_hand_over_of_control_is_a_retreat_not_aid(pipeline: Any) -> None:
    events = _events(pipeline, "L'armée britannique a transféré officiellement lundi 3 mai le contrôle de "
                               "la base aux forces irakiennes.")
    assert [e for e in events if e[0] == "RETREAT"]
    assert not [e for e in events if e[0] == "AID"]
