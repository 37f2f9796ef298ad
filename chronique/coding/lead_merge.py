"""One record for the act a headline and its lead both tell.

A news page tells its main event twice: in the headline ("Governor endorses budget") and in the
lead sentence ("Gov. Eric Holcomb endorsed the budget on Friday…"). Coded twice, the main act would
count twice; the lead usually names the parties better. When a headline event and an event of the
first sentences after it have the same type and the same parties (by code and sector; a recipient
one of them leaves out does not tell them apart), the one with the better parties is kept.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.records import EventParty, EventRecord
from chronique.coding.headline import headline_end

LEAD_SENTENCES = 3  # the sentences after the headline that may retell its act


def _side(party: EventParty | None) -> tuple[str | None, str | None] | None:
    return None if party is None else (party.get("code"), party.get("sector"))


def _same_act(head: EventRecord, lead: EventRecord) -> bool:
    if head["event"] != lead["event"] or head.get("modality") != lead.get("modality"):
        return False
    actor = _side(head["actor"])
    if actor is None or actor[0] is None or actor != _side(lead["actor"]):
        return False
    a, b = _side(head["recipient"]), _side(lead["recipient"])
    return a is None or b is None or a == b


def _parties(e: EventRecord) -> int:
    """How well an event names its parties: coded actor with a sector, a recipient, coded, named."""
    actor, recipient = e["actor"] or {}, e["recipient"] or {}
    return (bool(actor.get("sector")) + bool(recipient) + bool(recipient.get("code"))
            + bool(recipient.get("sector")) + (actor.get("start") is not None))


def merge_headline(events: list[EventRecord], doc: Doc) -> list[EventRecord]:
    """``events`` less the duplicate of each act the headline and the lead both tell (the record
    with the weaker parties goes; on a tie the lead's, which tells it in full, stays)."""
    end = headline_end(doc)
    if end is None:
        return events
    heads = [e for e in events if e["text_info"]["start"] < end]
    if not heads:
        return events
    first_lead = min((e["text_info"]["sequence"] for e in events if e["text_info"]["start"] >= end), default=0)
    last_lead = max(e["text_info"]["sequence"] for e in heads) + LEAD_SENTENCES
    leads = [e for e in events if e["text_info"]["start"] >= end and first_lead and
             e["text_info"]["sequence"] <= last_lead]
    dropped: set[int] = set()
    for head in heads:
        twins = [lead for lead in leads if id(lead) not in dropped and _same_act(head, lead)]
        if not twins:
            continue
        best = max(twins, key=_parties)
        if _parties(head) > _parties(best):
            dropped.update(id(t) for t in twins)
        else:
            dropped.add(id(head))
            dropped.update(id(t) for t in twins if t is not best)
    return [e for e in events if id(e) not in dropped]
