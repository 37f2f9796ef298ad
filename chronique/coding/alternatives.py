"""Other readings of a rule candidate: the same act with other parties of its sentence.

The rules pick one actor and one recipient per trigger from the parse, with fallbacks; when they
pick wrong, the right party is usually elsewhere in the same sentence. Each candidate is offered
again with every nearby party as actor (keeping its recipient) and as recipient, or with no
recipient, so that the trained model chooses the reading, not only the class. Each reading notes
which party the rules themselves chose ("_own_actor", "_own_recipient"): the model learns how much
to trust them.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention, EventParty, EventRecord
from chronique.coding.mentions import MentionIndex, as_party, party_key

NEAREST = 4  # parties per sentence considered, nearest to the trigger first


def _key(party: EventParty | None) -> tuple[str, Any]:
    return (party_key(party), (party or {}).get("sector"))


def _nearby(doc: Doc, index: MentionIndex, event: EventRecord) -> list[ActorMention]:
    start, end = int(event["text_info"]["start"]), int(event["text_info"]["end"])
    anchor = int((event.get("_trigger") or [start])[0])
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    mentions = index.actors_in(span.start, span.end)
    return sorted(mentions, key=lambda a: abs(int(a["start"]) - anchor))[:NEAREST]


def readings(doc: Doc, events: list[EventRecord], index: MentionIndex) -> list[EventRecord]:
    """Each candidate, then its other readings (one per distinct trigger, actor and recipient)."""
    out: list[EventRecord] = []
    seen: set[tuple[Any, ...]] = set()

    def add(event: EventRecord, actor: EventParty | None, recipient: EventParty | None,
            own: tuple[bool, bool]) -> None:
        if actor is None or _key(actor) == _key(recipient):
            return
        key = (tuple(event.get("_trigger") or ()), event["event"], _key(actor), _key(recipient))
        if key not in seen:
            seen.add(key)
            out.append({**event, "actor": actor, "recipient": recipient,
                        "_own_actor": own[0], "_own_recipient": own[1]})

    for e in events:
        add(e, e.get("actor"), e.get("recipient"), (True, True))
    for e in events:
        parties = [as_party(a) for a in _nearby(doc, index, e)]
        for p in parties:
            add(e, p, e.get("recipient"), (False, True))
            add(e, e.get("actor"), p, (True, False))
        add(e, e.get("actor"), None, (True, e.get("recipient") is None))
    return out
