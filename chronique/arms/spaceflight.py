"""Launch rockets of spaceflight reporting ("a launch was cancelled — this one for a rocket built by a
New Zealand-based company"): in a text that speaks of space, satellites or orbits, an unnamed "rocket"
is a launcher, not a weapon, as "jets" of civil aviation are airliners."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words

MIN_SPACE_WORDS = 2  # distinct spaceflight words that make a text one about spaceflight ("space" alone is common)


def space_rocket(weapon: Token, text: str) -> bool:
    """``text``, an unnamed rocket word (no designation), stands in a text about spaceflight."""
    words = arms_words()
    if text.lower() not in words.space_craft:
        return False
    found = {t.lemma_.lower() for t in weapon.doc if t.lemma_.lower() in words.space_words}
    return len(found) >= MIN_SPACE_WORDS
