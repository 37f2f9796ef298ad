"""One record per transfer per article: an article states its news in the lead and again in the body,
first in general words ("des systèmes de missiles") and then by name ("Iskander-M"). The restatement
is the same transfer, so the least specific record gives way to the most specific compatible one.

Two records are compatible when they share recipient, status and date (or one has no date), their
suppliers agree (or one is unknown) and their weapons agree: the same designation, or a generic one
whose category is the other's, or the catch-all "weapons". Different designations, statuses or
dates stay apart: two deliveries of the same system in different years are two transfers.
"""

from __future__ import annotations

from typing import Any

CATCH_ALL = "weapons"


def _agrees(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def _weapons_agree(general: dict[str, Any], specific: dict[str, Any]) -> bool:
    if general["weapon"]:
        return bool(general["weapon"] == specific["weapon"])
    return general["category"] in (specific["category"], CATCH_ALL)


def _rank(record: dict[str, Any], position: int) -> tuple[int, ...]:
    return (bool(record["weapon"]), record["category"] != CATCH_ALL, record["supplier"] is not None,
            record.get("quantity") is not None, -position)


def _absorbs(keeper: dict[str, Any], other: dict[str, Any]) -> bool:
    return (keeper["recipient"] == other["recipient"] and keeper["status"] == other["status"]
            and _agrees(keeper["supplier"], other["supplier"]) and _agrees(keeper.get("date"), other.get("date"))
            and _weapons_agree(other, keeper))


def consolidate(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article's records, each restated transfer once, in text order; a quantity known only to
    the restatement passes to the record that stays."""
    ranks = [_rank(r, n) for n, r in enumerate(records)]
    kept: list[dict[str, Any]] = []
    for n, record in enumerate(records):
        keepers = [m for m, other in enumerate(records)
                   if m != n and ranks[m] > ranks[n] and _absorbs(other, record)]
        if not keepers:
            kept.append(record)
            continue
        best = records[max(keepers, key=lambda m: ranks[m])]
        if best.get("quantity") is None and record.get("quantity") is not None:
            best["quantity"] = record["quantity"]
    return kept
