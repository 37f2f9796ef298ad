"""A state a delivery goes into ("Poland delivered 14 Leopard 2 tanks into Ukraine", "a livré des chars
T-72 en Ukraine"): after a verb that hands weapons over, the state after "into/en" receives them. After
other verbs the words lead a place the weapons go to ("sent tanks into Ukraine": an invasion; "deployed
in Poland"), which is no party."""

from __future__ import annotations

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words


def delivered_into(trigger: Token, word: str) -> bool:
    """``word``, the preposition before a state, leads the receiver of ``trigger``'s delivery."""
    words = arms_words()
    return word in words.into_words and (trigger.lemma_.lower() in words.delivery_verbs
                                         or trigger.lower_ in words.delivery_verbs)
