"""Calendar arithmetic and TIMEX3 value formatting, at a granularity (a unit).

Units: Y year, M month, W week, D day, Q quarter, HALF half-year, DE decade, CE century,
WE weekend; SU/FA/WI/SP seasons are handled by ``season_value``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# The precision word the event coder reports for each unit.
PRECISION = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "HALF": "half",
             "DE": "decade", "CE": "century", "WE": "week", "SEASON": "season", "T": "day"}

# Duration letters of ISO 8601 / TIMEX3 (time units go after "T").
DURATION_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "DE": "DE", "CE": "CE", "WE": "WE",
                   "HALF": "M", "H": "H", "MIN": "M", "S": "S"}
TIME_UNITS = frozenset({"H", "MIN", "S"})
TENSE_PENALTY = 120  # days
# News looks back more often than ahead: a day ahead weighs as much as two behind.
FUTURE_WEIGHT = 2
# The next smaller unit and how many of it make one: for fractional durations.
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def unit_parts(code: str) -> tuple[int, str]:
    """A unit code may carry a multiplier: "5Y" (a five-year term), "2W" (a fortnight)."""
    digits = code[: len(code) - len(code.lstrip("0123456789"))]
    return (int(digits) if digits else 1), code[len(digits):]


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (calendar-aware for months and longer units)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "HALF": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        raise ValueError(f"expected a calendar unit, found {unit!r}")
    return add_months(d, months * n)


def fmt(d: date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-long period that contains ``d``."""
    if unit == "D":
        return d.isoformat()
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit in ("W", "WE"):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "HALF":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(f"expected a calendar unit, found {unit!r}")


def duration(n: float | None, unit: str) -> str:
    """``P3D``, ``PT2H``, ``PXY`` (X: an unspecified number); a fraction goes down a unit:
    5½ hours = ``PT5H30M``, 1½ years = ``P1Y6M``."""
    mult, unit = unit_parts(unit)
    if mult != 1 and n is not None:
        n = n * mult
    if n is not None and not float(n).is_integer() and unit in SMALLER:
        smaller, per = SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        head = duration(whole, unit) if whole else ("PT" if unit in TIME_UNITS else "P")
        tail = duration(rest, smaller)
        tail = tail[2:] if tail.startswith("PT") and "T" in head else tail[1:]
        return head + tail
    number = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n).replace(",", "."))
    if unit == "DE" and n is not None:
        return f"P{int(n * 10)}Y" if float(n).is_integer() else f"P{n}DE"
    if unit == "CE" and n is not None and float(n).is_integer():
        return f"P{int(n * 100)}Y"
    if unit == "HALF":
        return f"P{int(n * 6)}M" if n is not None else "PXM"
    if unit == "Q":
        return f"P{int(n * 3)}M" if n is not None else "PXQ"
    letter = DURATION_LETTER.get(unit, unit)
    return f"PT{number}{letter}" if unit in TIME_UNITS else f"P{number}{letter}"


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The date of ISO ``weekday`` (1 = Monday) seen from ``anchor``.

    direction: "past" (on or before), "future" (on or after), "before"/"after" (strictly),
    "nearest" (the closer of the two; the coming one on a tie).
    """
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=forward)
    if direction == "before":
        return anchor - timedelta(days=back or 7)
    if direction == "after":
        return anchor + timedelta(days=forward or 7)
    return anchor - timedelta(days=back) if back < forward else anchor + timedelta(days=forward)


def nearest_year(anchor: date, month: int, day: int, tense: str | None) -> int | None:
    """The year of a year-less "25 June": the closest one to the anchor, the tense weighing in.

    News copy names dates near its publication, more often behind it than ahead; a past-tense
    clause rarely looks more than a week ahead and a future one rarely back, so such a reading
    costs four months of distance.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if valid_day(year, month, day):
            days = (date(year, month, day) - anchor).days
            cost = (days * FUTURE_WEIGHT if days > 0 else -days) + (TENSE_PENALTY if (tense == "past" and days > 7)
                                or (tense == "future" and days < -7) else 0)
            candidates.append((cost, year))
    return min(candidates)[1] if candidates else None


def nearest_month_year(anchor: date, month: int, tense: str | None) -> int:
    """The year of a year-less month ("in January"), as ``nearest_year`` for its 15th."""
    year = nearest_year(anchor, month, 15, tense)
    assert year is not None  # every month has a 15th
    return year


def season_value(anchor: date, season: str, offset: int | None) -> str:
    """``1998-SU``: a season named alone is this year's; "last"/"next" the previous/coming one."""
    start = SEASON_START[season]
    year = anchor.year
    if offset is not None and offset != 0:
        this_start = date(year, start, 1)
        if offset < 0:
            year = year if this_start <= anchor else year - 1
            if date(year, start, 1) <= anchor and (anchor - date(year, start, 1)).days < 90:
                year -= 1  # we are in that season now: "last summer" is the one before
        else:
            year = year if this_start > anchor else year + 1
    return f"{year:04d}-{season}"
