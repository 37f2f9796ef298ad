"""A definite generic weapon phrase names the system the article named before it.

"Cairo already operates 24 of the aircraft, bought from Paris" — "the aircraft" are the Rafale
jets of the sentence before; "les chars seront livrés en mai" are the Leopard 2 tanks named
earlier. A generic mention (no designation) after a definite determiner, possibly past numbers and
adjectives ("the first ten tanks"), takes the designation of the nearest earlier mention of the
same category. An indefinite one ("more tanks", "des chars") stays generic: it may be other ones.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.records import WeaponRecord
from chronique.knowledge.arms_words import arms_words

SKIPPABLE = frozenset({"NUM", "ADJ"})


def _definite(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and doc[i].pos_ in SKIPPABLE and start - i <= 4:
        i -= 1
    return i >= 0 and doc[i].lower_ in arms_words().definite_determiners


def resolve_definites(doc: Doc, weapons: list[WeaponRecord]) -> list[WeaponRecord]:
    """The weapon mentions, a definite generic one carrying the nearest earlier designation of
    its category (its own words and offsets unchanged)."""
    out: list[WeaponRecord] = []
    for n, weapon in enumerate(weapons):
        tokens = weapon.get("_tokens")
        if weapon.get("designation") or not tokens or not _definite(doc, int(tokens[0])):
            out.append(weapon)
            continue
        earlier = [w for w in weapons[:n] if w.get("designation") and w.get("category") == weapon.get("category")]
        if earlier:
            named = earlier[-1]
            out.append({**weapon, "designation": named["designation"], "origin": named.get("origin")})
        else:
            out.append(weapon)
    return out
