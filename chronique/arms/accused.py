"""The party said to give by the one who accuses it ("Kyiv accused Moscow of sending Iskander
missiles to Belarus", "Kiev accuse Téhéran de fournir des drones Shahed à la Russie"): the
accused object of the accusing verb is the giving word's subject, not the accuser."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.arms.frames import Party
from chronique.coding.role_parse import DIRECT_OBJECT
from chronique.knowledge.arms_words import arms_words

CLIMB = 3  # trigger → "of"/"de" → the accusing verb (an auxiliary "avoir" between in "d'avoir livré")


def accused(trigger: Token, parties: list[Party]) -> str | None:
    """The code of the accusing verb's object when the trigger is what it is accused of."""
    words = arms_words().accuse_words
    cur = trigger
    for _ in range(CLIMB):
        if cur.head.i == cur.i or cur.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "ROOT", "root"):
            return None
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() not in words:
            return None  # another verb's clause
        if cur.lemma_.lower() in words:
            for child in cur.children:
                if child.dep_ in DIRECT_OBJECT and child.i < trigger.i:
                    return next((p.code for p in parties if p.start <= child.i < p.end and not p.adjective), None)
            return None
    return None
