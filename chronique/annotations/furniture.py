"""Page furniture on the Doc (bylines, credits, captions, the dateline: ``ch_furniture``, set with
the sentences): the one query both the stages and the event coder ask of it."""

from __future__ import annotations

from chronique.annotations.records import FurnitureRecord


def in_furniture(start: int, end: int, records: list[FurnitureRecord]) -> bool:
    """Whether [start, end) lies within one furniture span (the records of ``doc._.ch_furniture``)."""
    return any(int(f["start"]) <= start and end <= int(f["end"]) for f in records)
