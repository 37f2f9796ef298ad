"""The texts of a coded event that a sentence embedding reads for the learned event check.

Two views per event: its sentence (a habit, a background fact, a promise or a metaphor is told by
the words of the whole sentence) and a short "trigger: actor → recipient" line (whether these
parties do this act). Both are plain text so that one multilingual encoder serves French and English.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.records import EventParty, EventRecord
from chronique.coding.event_check import _sentence_of, _token_at

MAX_CHARS = 600  # a sentence longer than this is a list or a run-on paragraph: its head says enough


def _party_text(doc: Doc, party: EventParty | None) -> str:
    if not party:
        return "-"
    start, end = party.get("start"), party.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text):
        return doc.text[start:end]
    return str(party.get("entity_text") or party.get("code") or "-")


def event_texts(doc: Doc, e: EventRecord) -> tuple[str, str]:
    """(the event's sentence, "trigger: actor → recipient") as the text of ``doc`` shows them."""
    info = e["text_info"]
    start, end = int(info["start"]), int(info["end"])
    trigger = e.get("_trigger") or [start, start]
    head = _token_at(doc, trigger[0])
    sent = _sentence_of(doc, head, start, end)
    sentence = " ".join((sent.text if sent is not None else doc.text[start:end]).split())[:MAX_CHARS]
    word = head.text if head is not None else str(e.get("event") or "")
    brief = f"{word}: {_party_text(doc, e.get('actor'))} → {_party_text(doc, e.get('recipient'))}"
    return sentence, " ".join(brief.split())
