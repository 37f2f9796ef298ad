"""A conflict act a political actor reports about another party is also that actor's allegation
(PLOVER ACCUSE 'allege', "formally or informally accuse"): "la Ligue arabe indique que le
journaliste a été tué par l'opposition" codes the killing as reported, and ACCUSE Arab League →
opposition beside it. An act the speaker reports of their own side, or one told by a newsroom,
alleges nothing.
"""

from __future__ import annotations

from chronique.annotations.records import ActorMention, EventRecord
from chronique.coding.mentions import as_party, party_key
from chronique.knowledge.cameo import CameoTable

ALLEGED = {"ASSAULT": "1123", "COERCE": "112"}  # CAMEO: accuse of aggression; accuse
NEWSROOM_SECTORS = frozenset({"JRN", "MED"})
ALLEGATION_WEIGHT = 0.8  # the allegation is read from the report, not stated as an act of its own


def allegations(base: EventRecord, speaker: ActorMention | None, doers: list[ActorMention],
                table: CameoTable) -> list[EventRecord]:
    """The speaker's ACCUSE of each coded doer of the reported act ``base`` (an event dict)."""
    code = ALLEGED.get(str(base["event"]))
    if code is None or base["modality"] != "reported" or speaker is None or not speaker.get("code"):
        return []
    if speaker.get("sector") in NEWSROOM_SECTORS:
        return []
    entry = table.plover(code)
    if entry is None:
        return []
    event, mode, context = entry
    out: list[EventRecord] = []
    seen: set[str] = set()
    for doer in doers:
        key = party_key(doer)
        if not doer.get("code") or key == party_key(speaker) or key in seen:
            continue
        seen.add(key)
        out.append({**base, "event": event, "mode": mode, "context": list(context), "cameo": code,
                    "quad_code": table.quad(event), "modality": "asserted",
                    "confidence": round(float(base["confidence"]) * ALLEGATION_WEIGHT, 2),
                    "actor": as_party(speaker), "recipient": as_party(doer)})
    return out

