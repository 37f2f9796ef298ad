"""Weapons that are the target of what the transferred weapons are for ("gave Ukraine NASAMS
launchers to shoot down Russian drones", "des missiles pour détruire des chars russes"): the
drones and tanks are struck, not handed over."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

MAX_HOPS = 6


def targeted(weapon: Token, trigger: Token) -> bool:
    """Among the heads from the weapon up to the trigger stands a verb of striking or shooting down
    (its lemma in ``strike_verbs`` or ``target_verbs``): the weapon is that verb's target."""
    words = arms_words()
    aims = words.strike_verbs | words.target_verbs
    cur = weapon
    for _ in range(MAX_HOPS):
        if cur.head.i == cur.i or cur.head.i == trigger.i:
            return False
        sibling = cur.dep_ == "conj"  # "launchers and drones": a head coordinated with, no governor
        cur = cur.head
        if not sibling and cur.pos_ == "VERB" and cur.lemma_.lower() in aims:
            return True
    return False
