"""Deals stopped and deliveries that did not happen.

- A transfer word governed by a word that stops it ("suspended the delivery of Leopard 2 tanks to
  Saudi Arabia", "cancelled its order of Rafale jets from France", "a annulé la vente de…") tells
  a cancelled transfer between the parties the transfer word names.
- The coder codes a negated giving word as a rejection ("has not sent ATACMS", "n'a pas livré de
  Taurus"): only a negation of what is to come ("will not send", "ne livrera pas") refuses; one of
  the past says nothing happened, no record.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

MAX_UP = 2  # "suspended its deliveries of arms", "decided to halt the sale of"
PAST_AUX = frozenset({"have", "avoir", "do"})


def stopped(trigger: Token) -> bool:
    """A cancel word governs the transfer word ``trigger`` (up to two heads, within its clause)."""
    words = arms_words().cancel_words
    cur = trigger
    for _ in range(MAX_UP):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in words or cur.lower_ in words:
            return True
        if cur.pos_ == "VERB" and cur.dep_ not in ("xcomp", "ccomp"):
            return False
    return False


def told_past(tok: Token | None) -> bool:
    """The verb is in a past tense: a simple past ("sent", "livra"), or a perfect or "did" form
    ("has not sent", "did not send", "n'a pas livré")."""
    if tok is None:
        return False
    if tok.tag_ == "VBD" or ("Tense=Past" in str(tok.morph) and "VerbForm=Part" not in str(tok.morph)):
        return True
    aux = [c for c in tok.children if c.dep_ in ("aux", "aux:tense")]
    if any(c.lemma_.lower() == "do" and c.tag_ == "VBD" for c in aux):
        return True
    participle = tok.tag_ == "VBN" or "VerbForm=Part" in str(tok.morph)
    return participle and any(c.lemma_.lower() in PAST_AUX - {"do"} for c in aux)
