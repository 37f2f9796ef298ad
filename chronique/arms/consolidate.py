"""One record per transfer per article: an article states its news in the lead and again in the body,
first in general words ("des systèmes de missiles") and then by name ("Iskander-M"), and follows a
deal from order to delivery. All of that is one transfer: one record per (supplier, recipient,
weapon), with the most specific weapon and the furthest status the text supports.

Two records are the same transfer when their parties agree (equal, or one unknown) and their
weapons agree: the same designation, or a generic one whose category is the other's, or a catch-all
("weapons"; "heavy weapons" for land and air-defence systems). Two records of the same status in
different years stay apart: two deliveries of one system in 2019 and 2023 are two transfers.

A partial record — a transfer word with no party in reach ("The first ten tanks were delivered in
December"; "Il s'agit de systèmes Iskander-M") — is a restatement: it joins the nearest record it
agrees with, passing on its weapon when more specific, its status when further, its quantity; with
no such record it is dropped (a bare "tanks were delivered" names no transfer).
"""

from __future__ import annotations

from typing import Any, Final

from chronique.annotations.records import TransferRecord

CATCH_ALL = "weapons"
HEAVY = "heavy weapons"
HEAVY_CATEGORIES = frozenset({"tank", "artillery", "armoured vehicle", "air-defence system", "missile system"})
STATUS_RANK: dict[str | None, int] = {
    "requested": 0, "offered": 1, "approved": 2, "pledged": 3, "agreed": 4, "ordered": 5, "upgrade": 5,
    "delivered": 6, "refused": 7, "cancelled": 7}
GENERAL_RANK: dict[str | None, int] = {CATCH_ALL: 0, HEAVY: 1}  # any other category or designation: 2
PARTIAL: Final = "_partial"


def _agrees(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def _covers(general: TransferRecord, specific: TransferRecord) -> bool:
    """``general``'s weapon names ``specific``'s or a class that holds it."""
    if general["weapon"]:
        return bool(general["weapon"] == specific["weapon"])
    return (general["category"] in (specific["category"], CATCH_ALL)
            or (general["category"] == HEAVY and specific["category"] in HEAVY_CATEGORIES))


def _specificity(record: TransferRecord) -> tuple[bool, int]:
    """A designation beats a category, which beats "heavy weapons", which beats "weapons"."""
    return bool(record["weapon"]), GENERAL_RANK.get(record["category"], 2)


def _rank(record: TransferRecord, position: int) -> tuple[Any, ...]:
    return (*_specificity(record), record["supplier"] is not None, record["recipient"] is not None,
            record.get("quantity") is not None, STATUS_RANK.get(record["status"], 0), -position)


def _year(record: TransferRecord) -> str | None:
    return (record.get("date") or "")[:4] or None


def same_transfer(a: TransferRecord, b: TransferRecord) -> bool:
    if a["status"] == b["status"] and not _agrees(_year(a), _year(b)):
        return False
    return (_agrees(a["supplier"], b["supplier"]) and _agrees(a["recipient"], b["recipient"])
            and (_covers(a, b) or _covers(b, a)))


def join_spans(a: list[dict[str, int]], b: list[dict[str, int]]) -> list[dict[str, int]]:
    """Two records' evidence spans, each sentence once, in text order."""
    seen = {(int(s["start"]), int(s["end"])) for s in [*a, *b]}
    return [{"start": start, "end": end} for start, end in sorted(seen)]


def _merge(keeper: TransferRecord, other: TransferRecord) -> None:
    """``other`` restates ``keeper``: the specific weapon, known parties, quantity and furthest
    status pass to the keeper (the furthest status with its date and evidence); every sentence
    of both stays among the keeper's evidence spans, and a named source passes on."""
    keeper["evidence_spans"] = join_spans(keeper.get("evidence_spans") or [], other.get("evidence_spans") or [])
    keeper["reported_by"] = keeper.get("reported_by") or other.get("reported_by")
    if _specificity(other) > _specificity(keeper):
        keeper.update({"weapon": other["weapon"], "category": other["category"],
                       "weapon_text": other.get("weapon_text")})
    for side in ("supplier", "recipient"):
        keeper[side] = keeper[side] or other[side]
    if keeper.get("quantity") is None and other.get("quantity") is not None:
        keeper["quantity"] = other["quantity"]
    if other["status"] and STATUS_RANK.get(other["status"], 0) > STATUS_RANK.get(keeper["status"], 0):
        keeper.update({"status": other["status"], "date": other.get("date") or keeper.get("date"),
                       "evidence": other.get("evidence") or keeper.get("evidence")})


def _start(record: TransferRecord) -> int:
    evidence = record.get("evidence")
    return int(evidence.get("start", 0)) if evidence else 0


def _nearest(partial: TransferRecord, kept: list[TransferRecord]) -> TransferRecord | None:
    """The agreeing record nearest before the partial one, else nearest after it."""
    matches = [k for k in kept if same_transfer(k, {**partial, "status": None})]
    before = [k for k in matches if _start(k) <= _start(partial)]
    if before:
        return max(before, key=_start)
    return min(matches, key=_start) if matches else None


def consolidate(records: list[TransferRecord]) -> list[TransferRecord]:
    """The article's records, each transfer once, in text order."""
    full = [(n, r) for n, r in enumerate(records) if not r.get(PARTIAL)]
    order = sorted(full, key=lambda item: _rank(item[1], item[0]), reverse=True)
    kept: list[tuple[int, TransferRecord]] = []
    for n, record in order:
        keeper = next((k for _, k in kept if same_transfer(k, record)), None)
        if keeper is None:
            kept.append((n, record))
        else:
            _merge(keeper, record)
    survivors = [r for _, r in sorted(kept, key=lambda item: item[0])]
    for record in records:
        if record.get(PARTIAL):
            keeper = _nearest(record, survivors)
            if keeper is not None:
                _merge(keeper, record)
    for record in survivors:
        record.pop(PARTIAL, None)
    return survivors
