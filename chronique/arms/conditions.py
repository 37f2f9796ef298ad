"""Transfer words in a condition or after a readiness adjective.

- "If Ankara buys more S-400 systems from Moscow, Washington will impose sanctions", "Si l'Inde
  achète des Su-57…": the purchase is a hypothesis, not a deal: no record.
- "Seoul is willing to supply K9 howitzers", "la France est prête à livrer…": a state ready to give
  offers; nothing is pledged yet.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

CLIMB = 3  # "if Turkey decides to buy": the condition's verb a few raising steps above the trigger
RAISING = frozenset({"xcomp", "ccomp", "advcl"})


def _clause_verbs(trigger: Token) -> list[Token]:
    """The trigger and the verbs it is the infinitive or complement of, within its sentence."""
    out, cur = [trigger], trigger
    for _ in range(CLIMB):
        if cur.dep_ not in RAISING or cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def conditioned(trigger: Token) -> bool:
    """The trigger's clause opens with a condition's conjunction ("if", "si")."""
    marks = arms_words().condition_marks
    for verb in _clause_verbs(trigger):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp",):
            break  # a condition above an adverbial clause is not this clause's
    return False


def readied(trigger: Token) -> bool:
    """The trigger is the infinitive of a readiness adjective ("willing to supply", "prête à livrer",
    "se dit disposée à fournir")."""
    words = arms_words().readiness_words
    head = trigger.head
    if trigger.dep_ not in ("xcomp", "advcl", "acl", "ccomp") or head.i == trigger.i:
        return False
    if head.lemma_.lower() in words or head.lower_ in words:
        return True
    # "se dit disposée à": the adjective is the verb's complement, the trigger hangs on it or on the verb
    return any(c.dep_ in ("xcomp", "acomp", "amod") and (c.lemma_.lower() in words or c.lower_ in words)
               for c in head.children)
