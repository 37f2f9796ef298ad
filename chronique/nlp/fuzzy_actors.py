"""The actors stage's second chance for misspelt names: tokens the exact dictionary scan left
uncovered are compared with people's names ("Vlaimir Poutine") and with countries' names and
adjectives ("Ethopia", "les autorités ukrainiennnes"). A guess keeps the score of its dictionary
entry times its similarity, so it always ranks below an exact match."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronique.knowledge.actors import NAME, ActorKnowledge, Alias

MAX_FUZZY_RUN = 4  # capitalised tokens compared with people's names at most


@dataclass(frozen=True)
class Hit:
    """A dictionary match over tokens [start, end)."""

    start: int
    end: int
    what: str
    aliases: tuple[Alias, ...]
    score: float = 1.0


def fuzzy_people(doc: Doc, kb: ActorKnowledge, hits: list[Hit]) -> list[Hit]:
    """People whose names are misspelt: capitalised runs not covered by one exact name."""
    names = [h for h in hits if h.what == NAME]
    out: list[Hit] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper() and j - i < MAX_FUZZY_RUN:
            j += 1
        for start, end in ((s, e) for n in range(j - i, 1, -1) for s in range(i, j - n + 1) for e in [s + n]):
            if any(h.start <= start and end <= h.end for h in names):
                continue
            found = kb.fuzzy_person(doc[start:end].text)
            if found:
                out.append(Hit(start, end, NAME, (found[0],), score=round(0.95 * found[1], 3)))
                break
        i = max(j, i + 1)
    return out


def fuzzy_countries(doc: Doc, kb: ActorKnowledge, folded: list[str], lang: str, hits: list[Hit],
                    known_place: Callable[[str], bool] | None = None) -> list[Hit]:
    """Countries whose name or adjective is misspelt by one edit, one token at a time. A token is
    guessed only when nothing covers it, it is a capitalised word of 6 letters or more (or, for the
    French adjectives written lower case, a lower-case word of 7 or more), and it is no word of the
    language (see ``_real_word``) nor, when ``known_place`` is given, the name of a place."""
    covered = {k for h in hits for k in range(h.start, h.end)}
    out: list[Hit] = []
    for token in doc:
        text = token.text
        capital = text[:1].isupper()
        if token.i in covered or not token.is_alpha or len(text) < 6 or not (capital or token.is_lower):
            continue
        found = kb.fuzzy_country(folded[token.i], lang, lower=not capital)
        if found is None or _real_word(token, found[0]) or (capital and known_place and known_place(text)):
            continue
        aliases, similarity = found
        for what in dict.fromkeys(a.entry.what for a in aliases):
            out.append(Hit(token.i, token.i + 1, what, tuple(a for a in aliases if a.entry.what == what),
                           score=round(similarity, 3)))
    return out


def _real_word(token: Token, aliases: tuple[Alias, ...]) -> bool:
    """A word of the language that merely looks like a country ("romaine" beside "roumaine").

    Stop words always are. Beyond them, the model's word vectors are the widest word list at hand:
    fr_core_news_md maps some 500,000 words onto 20,000 vectors, so a token with a vector is a word the
    model has seen, and it is a variant of the country's own word (a frequent typo, "Afganistan") only
    when it shares that word's vector row. A token without a vector is unknown to the model: a typo,
    guessed. A model without vectors (en_core_web_sm) says nothing here; ``known_place`` ("Columbia",
    "Indiana") and the other limits of ``fuzzy_countries`` guard it."""
    if token.is_stop:
        return True
    vectors = token.vocab.vectors
    rows = {vectors.find(key=token.orth), vectors.find(key=token.lower)} - {-1}
    if not rows:
        return False
    strings = token.vocab.strings
    return not rows & {vectors.find(key=strings[form]) for a in aliases for form in (a.surface, a.surface.lower())}
