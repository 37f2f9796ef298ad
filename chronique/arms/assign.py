"""Supplier and recipient from a transfer frame, and the readings that are no transfer at all.

The trigger's role says which side its subject is on: the subject of "livrer/sell/offer" gives,
the subject of "acheter/order/receive/ask" gets. A buyer's other party is the one it buys from
("from", "auprès de", "with", and "à/to": "acheter à la France", "a request to Washington").
A passive turns the subject into the weapon and the agent ("by/par") into the acting party.

Not transfers: weapons a state moves among its own forces ("its own jets", or sent to a place
with nobody named to receive them), and transfers that someone else calls for, proposes or
debates ("senators called for arming Ukraine"): a call by the recipient is its request, a
proposal by the supplier its offer, anyone else's is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from chronique.arms.frames import SurfaceFrame
from chronique.arms.wishes import conditional_wish
from chronique.knowledge.arms_words import arms_words

CALL_WINDOW = 6  # a call word this close before the trigger governs it ("called for arming")


@dataclass(frozen=True)
class Sides:
    supplier: str | None
    recipient: str | None


def _first(codes: list[str], *other: str | None) -> str | None:
    return next((c for c in codes if c not in other), None)


def assign(role: str, frame: SurfaceFrame, *, owner: str | None, trigger_word: str, upgrade: bool) -> Sides:
    """Who gives and who gets, from the words around the trigger."""
    owner = owner or frame.weapon_owner
    if role == "supplier":
        supplier = frame.agent if frame.passive else (frame.subject or frame.noun_owner)
        supplier = supplier or _first(frame.from_side)
        # a recipient equal to the supplier is kept: the record is then dropped as domestic
        recipient = _first(frame.to_side) or (None if frame.passive else _first(frame.after, supplier))
        if upgrade:
            recipient = recipient or (owner if owner != supplier else None)
        else:
            supplier = supplier or (owner if owner != recipient else None)
        return Sides(supplier, recipient)
    licence = trigger_word.lower() in arms_words().licence_words
    recipient = (frame.agent if frame.passive else frame.subject) or (None if licence else frame.noun_owner)
    # "to" names the one asked ("a request to Washington"), unless it is the asker ("urged Berlin to send… to Kyiv")
    supplier = (_first(frame.from_side) or _first(frame.to_side, recipient)
                or _first(frame.genitive, recipient) or _first(frame.after, recipient)
                or (frame.noun_owner if licence else None))
    supplier = supplier or (owner if owner != recipient else None)
    return Sides(supplier, recipient)


def taker_role(trigger: Token, role: str) -> str:
    """A giving noun taken by its subject ("Taiwan took delivery of…") turns the subject into
    the recipient."""
    if role == "supplier" and trigger.pos_ == "NOUN" and trigger.head.lemma_.lower() in arms_words().taking_verbs:
        return "recipient"
    return role


def moves_own_forces(frame: SurfaceFrame, sides: Sides, own_words: bool) -> bool:
    """A deployment, not a transfer: the weapons are called the sender's own, or they go to a
    place while no party is named to receive them."""
    return own_words or (sides.recipient is None and bool(frame.places))


def caller(trigger: Token) -> Token | None:
    """A call, proposal or debate word that the trigger depends on ("called for arming",
    "appelé à livrer", "le débat sur la livraison"): up its heads, or just before it."""
    cur = trigger
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if word_in(cur, arms_words().call_words) or conditional_wish(cur):
            return cur
    doc = trigger.doc
    for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - CALL_WINDOW) - 1, -1):
        if word_in(doc[i], arms_words().call_words) or conditional_wish(doc[i]):
            return doc[i]
    return None


def word_in(tok: Token, words: frozenset[str]) -> bool:
    """The token's lemma or form is one of ``words``; a French "-er" verb also by its stem, for
    the forms the tagger leaves unlemmatised ("réclame", "exhorte")."""
    if tok.lemma_.lower() in words or tok.lower_ in words:
        return True
    return tok.pos_ == "VERB" and any(
        w.endswith("er") and len(w) > 5 and tok.lower_.startswith(w[:-2]) for w in words)


def called_status(status: str, caller_code: str | None, sides: Sides) -> str | None:
    """The status of a transfer someone calls for: the recipient's call is a request, the
    supplier's proposal an offer; a third party's call or a debate is no transfer."""
    if caller_code is not None and caller_code == sides.recipient:
        return "requested"
    if caller_code is not None and caller_code == sides.supplier:
        return "offered" if status in ("delivered", "pledged", "agreed") else status
    return None
