"""Coordinated states that the parser made subjects of one verb each ("La Grèce et Chypre renforcent
leurs défenses": "Grèce" and "Chypre" both nsubj, no "conj"), so the coder's pronoun resolver sees
no group for a plural pronoun of the next sentence ("Elles ont commandé…") to take up."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from chronique.coding.mentions import MentionIndex
from chronique.knowledge.arms_words import arms_words

JOINER_POS = frozenset({"CCONJ", "DET", "PUNCT"})  # "et", "la", ","


def joined_subjects(index: MentionIndex, pronoun: Token) -> list[str]:
    """The codes of the states joined by "and/et" as the subjects of one verb in the sentence just
    before ``pronoun``'s; [] unless there are at least two and each is a coded party."""
    doc, start = pronoun.doc, pronoun.sent.start
    if start == 0:
        return []
    before = doc[start - 1].sent
    subjects = [t for t in before if t.dep_ == "nsubj" and t.pos_ == "PROPN"]
    for verb in sorted({t.head.i for t in subjects}):
        own = sorted((t for t in subjects if t.head.i == verb), key=lambda t: t.i)
        if len(own) < 2 or not all(_joined(a, b) for a, b in pairwise(own)):
            continue
        codes = [str((index.actors_under(t, limit=1) or [{}])[0].get("code") or "") for t in own]
        if all(codes):
            return codes
    return []


def _joined(first: Token, second: Token) -> bool:
    """Only a joiner ("et", "and", ",") and determiners stand between the two subjects."""
    between = first.doc[first.i + 1:second.i]
    return bool(between) and all(t.pos_ in JOINER_POS for t in between) and any(
        t.lower_ in arms_words().party_joiners for t in between)
