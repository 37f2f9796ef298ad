"""A transfer under a call word: who asks, who is asked, and whether it is a transfer at all.

- The asker asks for itself when the call is a request ("Kyiv urged Berlin to send Taurus",
  "La Moldavie réclame la livraison de Patriot", "is pressing for the delivery of…"): the asker
  receives, the one it addresses ("urged Berlin", "exhorté Washington") supplies; no giver is read
  from the asker's own position before the giving word. A state that asks or wishes that another
  gives, naming nobody to receive ("Kyiv wants Berlin to send Taurus"), asks for itself.
- Talks about a possible deal ("in talks about a purchase", "négocie un éventuel achat") agree
  nothing yet: no record.
- Otherwise (chronique.arms.assign.called_status): the recipient's call is a request, the
  supplier's proposal an offer, anyone else's call or debate no transfer.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.arms.assign import Sides, called_status, word_in
from chronique.arms.frames import Party, SurfaceFrame
from chronique.arms.wishes import conditional_wish
from chronique.coding.mentions import MentionIndex
from chronique.knowledge.arms_words import arms_words

# sectors that speak for a state: its government and forces ("" for a country or capital named bare)
STATE_SECTORS = frozenset({"", "GOV", "MIL"})


def state_asker(index: MentionIndex, parties: list[Party], code: str | None, before: int) -> str | None:
    """``code`` when its nearest mention before token ``before`` speaks for a state; None for an
    opposition, lawmakers or experts, whose country the coder inferred ("The opposition demanded…")."""
    party = next((p for p in reversed(parties) if p.code == code and p.start < before), None)
    n = index.actor_at.get(party.start) if party is not None else None
    if code is None or n is None:
        return code
    return code if str(index.actors[n].get("sector") or "") in STATE_SECTORS else None


def called(call: Token, call_frame: SurfaceFrame, status: str, sides: Sides, index: MentionIndex,
           parties: list[Party]) -> tuple[Sides, str] | None:
    """The reading of a transfer that ``call`` governs, ``call_frame`` its words' frame; None when
    it is no transfer (talks, a third party's call or debate)."""
    words = arms_words()
    if word_in(call, words.talk_words):
        return None
    asker = state_asker(index, parties, call_frame.subject, call.i)
    if asker is not None and (word_in(call, words.request_words) or conditional_wish(call)):
        addressee = next((c for c in call_frame.after if c != asker), None)
        if sides.supplier == asker and addressee is not None and sides.recipient not in (None, asker):
            sides = Sides(addressee, sides.recipient)  # "Paris would like Berlin to send… to Kyiv": Berlin gives
        # the asker standing as the giving word's giver is only the asker ("réclame la livraison")
        recipient = sides.recipient or (asker if sides.supplier == asker else None)
        if recipient == asker:
            supplier = addressee or (sides.supplier if sides.supplier != asker else None)
            return Sides(supplier, asker), "requested"
        if recipient is None and sides.supplier is not None:
            # the state asked gives and nobody else is named to receive: the asker asks for itself
            # ("Kyiv wants Berlin to send Taurus", "Varsovie souhaite que Washington livre…")
            return Sides(sides.supplier, asker), "requested"
    found = called_status(status, asker, sides)
    return (sides, found) if found is not None else None
