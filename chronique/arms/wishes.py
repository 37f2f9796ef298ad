"""Wishes for weapons that no giving word tells.

- A verb that wishes only in the conditional ("Manila would like Washington to supply…", "Kiev
  aimerait que Berlin livre…") is a wish word like "want/souhaiter"; "like" alone is a preposition.
- A state that wants, asks or calls for weapons with no giving word ("Kyiv wants more Patriot
  systems", "Kiev souhaite davantage de chars Leopard 2") requests them from nobody named, or from
  the party after "from/auprès de"; the one who wishes must speak for a state (an analyst's or a
  lawmaker's wish is no request).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.arms.tense import inflected_mood
from chronique.knowledge.arms_words import arms_words

CONDITIONAL_AUX = frozenset({"would", "'d", "’d", "should"})
OBJECT_DEPS = frozenset({"obj", "dobj"})
# the weapon may sit under a quantity word ("more Patriot systems", "davantage de chars")
MAX_UP = 3


def conditional_wish(tok: Token) -> bool:
    """A verb of ``conditional_wish_words`` in the conditional ("would like", "aimerait")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in arms_words().conditional_wish_words:
        return False
    if any(c.lower_ in CONDITIONAL_AUX for c in tok.children if c.dep_ in ("aux", "aux:tense")):
        return True
    return "Mood=Cnd" in str(tok.morph) or inflected_mood(tok) == "conditional"


def wish_word(tok: Token) -> bool:
    """A verb by which its subject wishes or asks for something ("want", "souhaiter", "would like")."""
    words = arms_words().request_words
    return tok.pos_ == "VERB" and (tok.lemma_.lower() in words or tok.lower_ in words or conditional_wish(tok))


def wished_by(root: Token) -> Token | None:
    """The wish verb whose direct object is the weapon at ``root`` (up through a quantity or
    category noun: "more Patriot systems", "davantage de chars"), or None."""
    cur = root
    for _ in range(MAX_UP):
        if cur.dep_ in OBJECT_DEPS:
            return cur.head if wish_word(cur.head) else None
        if cur.head.i == cur.i or cur.head.pos_ in ("VERB", "AUX"):
            return None
        cur = cur.head
    return None
