"""Requests for a delivery to someone other than the asker: a third party's call, no transfer
("Lawmakers urged the administration to send ATACMS to Kyiv", "Les écologistes réclament la
livraison de chars à l'Ukraine"). The asker is read from the words, not from a country the coder
inferred for an unnamed group."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from chronique.arms.frames import Party, read_frame
from chronique.arms.parties import governing_trigger
from chronique.knowledge.arms_words import arms_words


def for_another(root: Token, trigger: Token, parties: list[Party], span: tuple[int, int], asker: str | None,
                giving: Callable[[Token], bool]) -> bool:
    """The giving word under the request ``trigger`` (``giving`` tells one) sends the weapon at
    ``span`` to a party other than ``asker``."""
    def inner_giving(tok: Token) -> bool:
        return tok.i != trigger.i and giving(tok)

    inner = governing_trigger(root, inner_giving)
    if inner is None:  # a small parse tears the clause apart: the giving word between them
        between = range(trigger.i + 1, span[0]) if trigger.i < span[0] else range(0)
        inner = next((root.doc[i] for i in reversed(between) if inner_giving(root.doc[i])), None)
    if inner is None:
        # no giving word read: when a party stands bare between the request and the weapon (the
        # giver: "demandent que la France livre des missiles à l'Ukraine"), a "to/à" party after
        # the weapon receives; without one it is the addressee ("a demandé des hélicoptères à la Russie")
        giver = any(not p.before and trigger.i < p.start < span[0] for p in parties)
        to_side = [p.code for p in parties if giver and p.start >= span[1] and p.before in arms_words().to_words]
    else:
        to_side = read_frame(inner, parties, span).to_side
    return bool(to_side) and asker != to_side[0]


def asks_for_another(root: Token, trigger: Token, parties_of: Callable[[Span], list[Party]], span: tuple[int, int],
                     requester: str | None, is_trigger: Callable[[Token], bool]) -> bool:
    """A coded request whose own transfer word sends the weapon to someone else ("senators urged
    the White House to approve the transfer of ATACMS to Ukraine"): a third party's call, not the
    requester's request. ``parties_of`` gives a sentence's parties, ``is_trigger`` tells a transfer word."""
    inner = governing_trigger(root, is_trigger)
    if inner is None or inner.i == trigger.i:
        return False
    frame = read_frame(inner, parties_of(inner.sent), span)
    return bool(frame.to_side) and requester not in frame.to_side
