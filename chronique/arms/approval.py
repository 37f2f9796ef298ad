"""An approval of a possible sale or purchase ("the State Department approved a possible sale of…",
"Washington a approuvé la vente éventuelle de…"): the deal is authorised, not yet signed, so its
status is "approved", between an offer and an agreement. An approval of "the sale" stays agreed,
as an approval of a delivery ("approved the delivery of…", chronique.arms.discourse.under_contract)
or of a contract, which is already signed."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronique.knowledge.arms_words import arms_words
from chronique.knowledge.weapons import Trigger

DEAL_STATUSES = frozenset({"agreed", "ordered"})  # the status of a sale or a purchase word
ABOVE = 3  # an approval this many heads above the deal noun is about it ("approved a possible sale")


def approved_deal(trigger: Token, trigger_of: Callable[[str], Trigger | None]) -> bool:
    """``trigger`` is a possible sale or purchase noun that an approval word governs, or an approval
    word whose object is one (a small parse hangs the weapon on the approval: "a approuvé la vente de
    chars Leopard"); ``trigger_of`` finds a transfer word by its lemma."""
    words = arms_words()
    if trigger.lemma_.lower() in words.approval_words:
        return any(c.dep_ in ("obj", "dobj") and _deal_noun(c, trigger_of) for c in trigger.children)
    return _deal_noun(trigger, trigger_of) and any(
        t.lemma_.lower() in words.approval_words for t in list(trigger.ancestors)[:ABOVE])


def _deal_noun(tok: Token, trigger_of: Callable[[str], Trigger | None]) -> bool:
    """A sale or purchase noun called possible ("a possible sale", "la vente éventuelle"); a
    contract, licence or deal is already signed."""
    words = arms_words()
    found = trigger_of(tok.lemma_.lower())
    return (tok.pos_ == "NOUN" and found is not None and found.status in DEAL_STATUSES
            and tok.lemma_.lower() not in words.contract_words | words.licence_words | words.deal_words
            and any(c.lemma_.lower() in words.possible_words or c.lower_ in words.possible_words
                    for c in tok.children))
