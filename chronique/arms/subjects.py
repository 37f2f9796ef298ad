"""Who stands for a giving word's subject when its clause has none of its own: the party a relative
pronoun refers to ("Turkey, which sold…") or the accused of an accusation ("accused Moscow of
sending…")."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.arms.accused import accused
from chronique.arms.discourse import relative_antecedent
from chronique.arms.frames import Party


def implied_subject(trigger: Token, parties: list[Party]) -> str | None:
    return relative_antecedent(trigger, parties) or accused(trigger, parties)
