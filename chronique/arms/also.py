"""A second transfer told with "also" goes where the one before went ("Germany sent 18 Leopard 2
tanks to Ukraine. It also sent three IRIS-T systems", "Elle a aussi envoyé des missiles SCALP"):
a record from a sentence whose verb "also" qualifies, naming no recipient, takes the recipient of
the nearest record before it from the same supplier."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.records import TransferRecord
from chronique.knowledge.arms_words import arms_words


def _start(record: TransferRecord) -> int:
    evidence = record.get("evidence")
    return int(evidence["start"]) if evidence else -1


def _says_also(doc: Doc, start: int) -> bool:
    tok = next((t for t in doc if t.idx >= start), None)
    if tok is None:
        return False
    words = arms_words().also_words
    return any(t.lower_ in words and t.head.pos_ in ("VERB", "AUX") for t in tok.sent)


def also_recipients(doc: Doc, records: list[TransferRecord]) -> list[TransferRecord]:
    out = []
    for record in records:
        start = _start(record)
        if record["recipient"] is not None or record["supplier"] is None or start < 0 or not _says_also(doc, start):
            out.append(record)
            continue
        before = [r for r in records if r["supplier"] == record["supplier"] and r["recipient"] is not None
                  and 0 <= _start(r) < start]
        last = max(before, key=_start, default=None)
        out.append({**record, "recipient": last["recipient"]} if last is not None else record)
    return out
