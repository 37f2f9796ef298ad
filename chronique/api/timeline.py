"""Timeline buckets: per-day counts of each event type folded into days, ISO weeks or months,
keyed by PLOVER type or by quad class.

The store counts per (date, type) once (views.day_type_counts); folding happens here so that one
SQL shape serves both backends. A partial date ("2022-06", month precision) lands in the bucket of
its first day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from chronique.knowledge.cameo import load_cameo_table

BUCKETS = ("day", "week", "month")
MAX_FILLED = 5000  # empty buckets are filled in between the first and the last up to this many
GROUPS = ("type", "quad")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass
class Bucket:
    start: str  # first day of the bucket, YYYY-MM-DD
    counts: dict[str, int] = field(default_factory=dict)


def first_day(value: str) -> date | None:
    """The first day a stored date covers ("2022-06" → 2022-06-01); None when it is not a date."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if bucket == "month":
        return day.replace(day=1)
    return day


def group_key(event_type: str, by: str) -> str:
    if by == "quad":
        quad = load_cameo_table().quad(event_type)
        return QUAD_NAMES.get(quad or 0, "unknown")
    return event_type


def fold(counts: Iterable[tuple[str, str, int]], bucket: str, by: str) -> list[Bucket]:
    """(date, type, n) rows → buckets in date order, each with its counts per key."""
    out: dict[date, Bucket] = {}
    starts: dict[str, date | None] = {}  # each stored date is parsed once, not once per type
    keys: dict[str, str] = {}
    for value, event_type, n in counts:
        if value not in starts:
            day = first_day(value)
            starts[value] = bucket_start(day, bucket) if day else None
        start = starts[value]
        if start is None:
            continue
        slot = out.get(start) or out.setdefault(start, Bucket(start.isoformat()))
        key = keys.get(event_type) or keys.setdefault(event_type, group_key(event_type, by))
        slot.counts[key] = slot.counts.get(key, 0) + n
    return filled(out, bucket)


def next_start(start: date, bucket: str) -> date:
    if bucket == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if bucket == "week" else 1)


def filled(found: dict[date, Bucket], bucket: str) -> list[Bucket]:
    """The buckets in order with the empty ones between them, so bars stand where their dates are
    (only the found ones when the range holds too many buckets to draw)."""
    if not found:
        return []
    first, last = min(found), max(found)
    out: list[Bucket] = []
    at = first
    while at <= last and len(out) <= MAX_FILLED:
        out.append(found.get(at) or Bucket(at.isoformat()))
        at = next_start(at, bucket)
    return out if at > last else [found[k] for k in sorted(found)]
