"""Weapons sent for a mission or an exercise ("sent two Patriot batteries to Romania for a NATO
mission", "envoyé deux frégates à Chypre pour une mission d'évacuation"): the sender's own forces
on a deployment, even when the words name the place they go to as if it received them."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

PURPOSE_WORDS = frozenset({"for", "pour"})
MODIFIERS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT"})  # "a NATO air-policing", "des … conjointes"
MAX_MODIFIERS = 4


def for_mission(trigger: Token) -> bool:
    """A mission or exercise word after the trigger, in its sentence, whose phrase opens with
    "for/pour": the purpose of the sending."""
    doc, words = trigger.doc, arms_words().mission_words
    for tok in doc[trigger.i + 1:trigger.sent.end]:
        if tok.lemma_.lower() not in words and tok.lower_ not in words:
            continue
        i = tok.i - 1
        while i > trigger.i and tok.i - i <= MAX_MODIFIERS and doc[i].pos_ in MODIFIERS:
            i -= 1
        if i > trigger.i and doc[i].lower_ in PURPOSE_WORDS:
            return True
    return False
