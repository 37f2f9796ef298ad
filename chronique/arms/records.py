"""Record-level steps of the transfers stage: filling one reading of the parties from another,
the weapon's country of origin as the supplier the article names, domestic procurement, and one
record per sentence and transfer."""

from __future__ import annotations

from typing import Any

from chronique.annotations.records import TransferRecord
from chronique.arms.assign import Sides
from chronique.arms.consolidate import PARTIAL


def fill(read: Sides, other: Sides) -> Sides:
    """The words' reading, its empty sides filled from another reading where that names a
    different party."""
    supplier = read.supplier or (other.supplier if other.supplier != read.recipient else None)
    recipient = read.recipient or (other.recipient if other.recipient != supplier else None)
    return Sides(supplier, recipient)


def with_origin(record: TransferRecord, codes: frozenset[str]) -> TransferRecord:
    """A record with no supplier takes the weapon's country of origin when the article names
    that country ("Poland's new K2 tanks … South Korea"): the text names the party."""
    origin = record.get("_origin")
    if record["supplier"] is None and not record.get(PARTIAL) and origin in codes and origin != record["recipient"]:
        record["supplier"] = origin
    return record


def domestic(record: TransferRecord) -> bool:
    """A state getting a system of its own make from nobody named ("the French army ordered
    Caesar howitzers from KNDS"): domestic procurement, not a transfer."""
    return record["supplier"] is None and record.get("_origin") is not None and record["_origin"] == record["recipient"]


def dedupe(records: list[TransferRecord]) -> list[TransferRecord]:
    """One record per (sentence, supplier, recipient, weapon, status): events of one sentence
    that name the same transfer (a REQUEST and its embedded AID) give it once."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in records:
        evidence = r["evidence"]
        assert evidence is not None  # the transfers stage writes it on every record it reads
        key = (evidence["start"], r["supplier"], r["recipient"], r["weapon"] or r["category"],
               r["weapon_text"], r["status"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
