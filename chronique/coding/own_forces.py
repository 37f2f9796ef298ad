"""A bare force word ("troops", "the army", "police") that no name or country word of its own
places is, in an act that moves force — offered, sent, supplied, withdrawn or mobilised — what the
doer moves, not whom the act is aimed at ("offered to send troops to Uganda": Uganda is the
recipient; "mobilized troops"). Its country is only the context's guess (chronique.coding.unlisted),
often the destination's. In any other act (a demand of the police, an attack on troops) it stays a
party.
"""

from __future__ import annotations

from chronique.annotations.records import ActorMention

FORCE_SECTORS = frozenset({"MIL", "COP"})
# CAMEO roots of the acts that move force: intent (03: "offered to send troops"), provide aid (07),
# yield (08: "withdrew troops"), force posture (15: "mobilized troops"); their PLOVER classes
MOVING_ROOTS = frozenset({"03", "07", "08", "15"})
MOVING_EVENTS = frozenset({"AGREE", "AID", "CONCEDE", "RETREAT", "MOBILIZE"})


def bare_force(actor: ActorMention) -> bool:
    """An unlisted force word whose country is a guess from the context, not its own words'."""
    return actor.get("sector") in FORCE_SECTORS and bool(actor.get("_unlisted")) and bool(actor.get("_focus"))


def instruments(targets: list[ActorMention], cameo: str = "", event: str = "") -> list[ActorMention]:
    """The bare force words among ``targets`` that an act moving force moves (the act told by its
    CAMEO code or its PLOVER class; its class wins when both are given)."""
    moving = event in MOVING_EVENTS if event else cameo[:2] in MOVING_ROOTS
    return [a for a in targets if bare_force(a)] if moving else []
