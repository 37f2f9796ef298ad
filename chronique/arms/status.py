"""A transfer's status and direction from the event (or trigger word) that reports it.

PLOVER codes a promise of future aid as AGREE; a transfer record keeps the finer status a
register needs: a request, an offer (conditional), a pledge (future or announced), an order, a
delivery (asserted), a refusal, a cancellation or an upgrade.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronique.knowledge.weapons import Trigger

TRANSFER_EVENTS = frozenset({"AGREE", "AID", "REQUEST", "REJECT", "COOPERATE", "SUPPORT"})


@dataclass(frozen=True)
class Direction:
    status: str
    actor_is_supplier: bool  # False: the acting party receives (a request, an order, a purchase)


def by_modality(status: str, modality: str) -> str | None:
    """A delivery word in the future is a pledge, in the conditional an offer; a negated act is
    not a transfer (a refusal is coded by its own words)."""
    if modality in ("negated", "hypothetical"):
        return None
    if status == "delivered":
        return {"future": "pledged", "conditional": "offered", "requested": "requested"}.get(modality, status)
    if status in ("agreed", "ordered") and modality == "conditional":
        return "offered"
    return status


def event_direction(event: str, modality: str, trigger: Trigger | None, *, past: bool = False) -> Direction | None:
    """The status of a transfer reported by a coded event, or None when the event is no transfer.
    ``past``: the event's word is in a past tense (a rejection coded from a negated giving word in
    the past, "has not sent", tells nothing happened: no refusal, no record)."""
    if event not in TRANSFER_EVENTS or modality == "hypothetical":
        return None
    if event == "REQUEST":
        return Direction("requested", actor_is_supplier=False)
    if event == "REJECT":
        giving = trigger is not None and trigger.status not in ("refused", "cancelled")
        return None if giving and past else Direction("refused", actor_is_supplier=True)
    if trigger is not None:
        status = by_modality(trigger.status, modality)
        if event == "AGREE" and status == "delivered" and modality != "reported":
            status = "pledged"  # PLOVER codes a promised delivery as AGREE: nothing is delivered yet
            # (a reported one, "aurait livré", is a delivery others report: chronique.arms.tense)
        return Direction(status, trigger.role == "supplier") if status else None
    if modality == "negated":
        return None
    if event == "AGREE":
        return Direction("offered" if modality == "conditional" else "pledged", actor_is_supplier=True)
    if event == "AID":
        status = by_modality("delivered", modality)
        return Direction(status, actor_is_supplier=True) if status else None
    return None
