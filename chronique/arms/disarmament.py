"""A holder giving up its own arms ("agreed to lay down their weapons", "will hand over the last
40 percent of their arms to the United Nations", "ont remis leurs armes", "déposer les armes"):
disarmament, not an arms transfer. Only unnamed arms (no designation): a state that hands over
"its Leopard tanks" to another transfers them."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

CLIMB = 4  # "the last 40 percent of their arms": the verb a few heads above the arms


def _verb(weapon: Token) -> Token | None:
    cur = weapon
    for _ in range(CLIMB):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def disarmed(weapon: Token, text: str) -> bool:
    """Unnamed arms that their holder lays down or hands over: the verb above them is a
    disarmament verb and the arms are the holder's own ("their", "leurs"), or laid down
    ("lay down", "déposer les armes")."""
    if any(ch.isupper() or ch.isdigit() for ch in text):
        return False  # a named system
    words = arms_words()
    while weapon.dep_ == "conj" and weapon.head.i != weapon.i and weapon.head.pos_ in ("NOUN", "PROPN"):
        weapon = weapon.head  # "its rifles and rockets": the list's first noun holds the possessive
    verb = _verb(weapon)
    if verb is None or verb.lemma_.lower() not in words.disarm_verbs:
        return False
    laid = verb.lemma_.lower() in ("lay", "déposer")
    # "their rifles and grenades": the possessive may hang on the list's first noun, an object of the same verb
    own = any(t.lower_ in words.own_possessives and (t.head.i == weapon.i or t.head.head.i == verb.i)
              for t in weapon.doc[min(verb.i, weapon.i) + 1:weapon.i])
    return laid or own
