"""Weapons sent for a mission or an exercise ("sent two Patriot batteries to Romania for a NATO
mission", "as part of a NATO mission", "pour participer à des exercices", "dans le cadre d'une
mission"): the sender's own forces on a deployment, even when the words name the place they go to
as if it received them."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

WINDOW = 6  # "to take part in joint naval exercises": the lead word this close before the mission word
BREAKS = frozenset({",", ";", ":", "(", ")"})  # another clause: not this mission's purpose


def for_mission(trigger: Token) -> bool:
    """A mission or exercise word after the trigger, in its sentence, led by a purpose word within
    ``WINDOW`` tokens of the same clause."""
    doc, words = trigger.doc, arms_words()
    for tok in doc[trigger.i + 1:trigger.sent.end]:
        if tok.lemma_.lower() not in words.mission_words and tok.lower_ not in words.mission_words:
            continue
        for i in range(tok.i - 1, max(trigger.i, tok.i - WINDOW - 1), -1):
            if doc[i].text in BREAKS:
                break
            if doc[i].lower_ in words.purpose_leads or doc[i].lemma_.lower() in words.purpose_leads:
                return True
    return False
