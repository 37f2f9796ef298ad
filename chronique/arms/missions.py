"""Weapons sent for a mission or an exercise ("sent two Patriot batteries to Romania for a NATO
mission", "as part of a NATO mission", "pour participer à des exercices", "dans le cadre d'une
mission"), sent to strike ("sent Rafale jets to strike militant camps", "pour frapper des
positions"), or offered with military units ("a mechanised battalion, four F-18 jets and a
frigate"): the sender's own forces on a deployment, even when the words name the place they go to
(or a party the strike aims at) as if it received them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from chronique.arms.bare_parties import named_state
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


NP_PARTS = frozenset({"amod", "compound", "nummod", "nmod", "flat", "flat:name"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
RECEIVER_DEPS = frozenset({"dative", "iobj"})
PLACE_ENTS = frozenset({"GPE", "LOC"})  # named states and places (the French model tags countries LOC)


def sent_to_strike(trigger: Token, weapon: tuple[int, int]) -> bool:
    """The trigger's purpose clause is an attack ("to strike", "pour frapper") and no place or state is
    named between the trigger and that clause, outside the weapon's words: "sent Ukraine missiles to
    strike…", "livré des missiles à l'Ukraine pour frapper…" name a receiver (the parser often hangs it
    on the weapon's noun, so the words are read, not the parse)."""
    words = arms_words()
    strike = next((c for c in trigger.children if c.dep_ in PURPOSE_DEPS and c.i > trigger.i
                   and c.lemma_.lower() in words.strike_verbs), None)
    if strike is None:
        return False
    between = [t for t in trigger.doc[trigger.i + 1:strike.i] if not weapon[0] <= t.i < weapon[1]]
    # a bare name right after the verb, before the weapons, that the tagger gives no other kind ("gave Kyiv …")
    first = [t for t in between if t.i < weapon[0] and t.pos_ == "PROPN" and (
        t.ent_type_ in ("", *PLACE_ENTS) or named_state(t))]  # "sent Kyiv ATACMS missiles": one entity to the tagger
    return not first and not any(t.ent_type_ in PLACE_ENTS or t.dep_ in RECEIVER_DEPS for t in between)


def with_units(weapon: Span) -> bool:
    """The weapon is listed with military units ("offered NATO a battalion, four F-18 jets and a
    frigate", "un régiment, des Tornado"): forces put at an ally's disposal, not sold or given."""
    units, base = arms_words().unit_words, weapon.root
    while base.dep_ in NP_PARTS and base.head.i != base.i:
        base = base.head  # "four F-18 jets": the designation qualifies the listed noun
    while base.dep_ == "conj" and base.head.i != base.i and base.head.pos_ in ("NOUN", "PROPN"):
        base = base.head
    listed = [base, *(t for t in base.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"))]
    return any(t.lemma_.lower() in units for t in listed)


def set_off_at(trigger: Token) -> bool:
    """The trigger sends its object into or onto a place named by a common noun ("used a robot to
    deliver a bomb into the garage"): the weapon is set off there, not handed over to anyone."""
    words = arms_words().aim_prepositions
    return any(c.lower_ in words and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
               for c in trigger.children if c.dep_ == "prep")
