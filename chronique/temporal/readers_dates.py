"""Readers of calendar dates and of expressions relative to the anchor or to the text's last date.

Each ``read_<kind>`` turns a candidate of that pattern kind into a Reading.
"""

from __future__ import annotations

import re
from datetime import date

from chronique.temporal.calendar import (
    PRECISION,
    TIME_UNITS,
    duration,
    fmt,
    nearest_month_year,
    nearest_year,
    shift,
    unit_parts,
    valid_day,
    weekday_date,
)
from chronique.temporal.grammar import Grammar
from chronique.temporal.recognise import Candidate
from chronique.temporal.timex import Context, Reading


def to_int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def number_of(grammar: Grammar, groups: dict[str, str]) -> float | None:
    """The count of a duration: digits, a numeral in words, or None for a vague one."""
    if "vague" in groups:
        return None
    raw = groups.get("num") or groups.get("wnum")
    if raw is None:
        return 1
    word = grammar.lookup("wnum", raw)
    if word is not None:
        return float(word)
    whole, _, half = raw.partition(" 1/2")  # "5 1/2 hours"
    return float(whole.strip().replace(",", ".")) + (0.5 if half or raw.endswith("1/2") else 0.0)


def offset_of(grammar: Grammar, groups: dict[str, str]) -> int | str | None:
    for cls in ("rel", "relafter"):
        if cls in groups:
            value = grammar.lookup(cls, groups[cls])
            return value if isinstance(value, int | str) else None
    return None


def mod_of(grammar: Grammar, groups: dict[str, str]) -> str | None:
    if "mod" in groups:
        return str(grammar.lookup("mod", groups["mod"]) or "") or None
    return "APPROX" if "approx" in groups else None


def year_of(groups: dict[str, str], anchor: date | None) -> int | None:
    if "year" in groups:
        return to_int(groups["year"])
    if "yy" in groups:
        yy = to_int(groups["yy"])
        pivot = (anchor.year if anchor else 2000) + 10
        year = (pivot // 100) * 100 + yy
        return year - 100 if year > pivot else year
    return None


def month_of(grammar: Grammar, groups: dict[str, str]) -> int | None:
    if "month" in groups:
        return int(grammar.lookup("month", groups["month"]))
    if "nmonth" in groups:
        return to_int(groups["nmonth"])
    return None


def direction_of(offset: int | str | None, tense: str | None) -> str:
    if offset == -1:
        return "before"
    if offset == 1:
        return "after"
    if offset == 0:
        return tense or "nearest"
    return "future" if tense == "future" else "past"


def read_date(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    groups, anchor = c.groups, ctx.anchor
    year, month = year_of(groups, anchor), month_of(g, groups)
    if "scentury" in groups:  # "nineteen ninety-six" read aloud
        rest = int(g.lookup("wnum", groups["wnum"]))
        year = int(g.lookup("scentury", groups["scentury"])) * 100 + (rest if rest < 100 else 0)
    day = to_int(groups["day"]) if "day" in groups else None
    if "firstday" in groups and day is not None and to_int(groups["firstday"]) < day:
        day = to_int(groups["firstday"])  # a range of days ("les 22 et 23 mars") is dated by its first
    mod, offset = mod_of(g, groups), offset_of(g, groups)
    if month is not None and day is not None:
        if year is not None:
            if not valid_day(year, month, day):
                return Reading(None, invalid=f"no day {day} in month {month} of {year}")
            d = date(year, month, day)
            return Reading(d.isoformat(), precision="day", anchor="absolute", mod=mod, day=d)
        if anchor is None:
            if not valid_day(2000, month, day):  # 2000: a leap year, so 29 February stays possible
                return Reading(None, invalid=f"no day {day} in month {month}")
            return Reading(f"XXXX-{month:02d}-{day:02d}", precision="day", mod=mod)
        want = {-1: "past", 1: "future"}.get(offset if isinstance(offset, int) else 0, tense)
        inferred = nearest_year(anchor, month, day, want)
        if inferred is None:
            return Reading(None, invalid=f"no day {day} in month {month}")
        d = date(inferred, month, day)
        return Reading(d.isoformat(), precision="day", anchor="published", mod=mod, day=d)
    if month is not None:
        if year is None and "ofyear" in groups and anchor is not None:  # "April last year"
            year = anchor.year + (offset if isinstance(offset, int) else 0)
            return Reading(f"{year:04d}-{month:02d}", precision="month", anchor="published", mod=mod)
        if year is None:
            if anchor is None:
                return Reading(f"XXXX-{month:02d}", precision="month", mod=mod)
            year = anchor.year
            if offset == -1:
                year -= 1 if month >= anchor.month else 0
            elif offset == 1:
                year += 1 if month <= anchor.month else 0
            else:
                year = nearest_month_year(anchor, month, tense)
            return Reading(f"{year:04d}-{month:02d}", precision="month", anchor="published", mod=mod)
        return Reading(f"{year:04d}-{month:02d}", precision="month", anchor="absolute", mod=mod)
    if year is not None:
        return Reading(f"{year:04d}", precision="year", anchor="absolute", mod=mod)
    return Reading(None, invalid="a date pattern without a year, month or day")


def read_relative(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    offset, mod = offset_of(g, c.groups), mod_of(g, c.groups)
    if "unit" in c.groups:
        unit = str(g.lookup("unit", c.groups["unit"]))
    elif "dunit" in c.groups:
        unit = str(g.lookup("dunit", c.groups["dunit"]))
    else:  # "year-earlier" alone: a comparison period, the quarter a year back
        unit = "Q"
    if unit_parts(unit)[0] != 1:  # "ce quinquennat": the term itself, a duration
        return Reading(duration(1, unit), type="DURATION", mod=mod)
    if "dunit" in c.groups:
        offset = "same"  # "the quarter": the one the text is about
    if unit in TIME_UNITS:
        return Reading(duration(1, unit), type="DURATION", precision="none", mod=mod)
    anchor = ctx.anchor
    if offset == "same":
        # financial copy: "the quarter" is the one under discussion, else the last one reported
        last_quarter = shift(anchor, "Q", -1) if anchor else None
        base = (ctx.quarter or last_quarter) if unit == "Q" else ctx.reference
        if base is None:
            return Reading(None if anchor is None else fmt(anchor, unit), precision=PRECISION.get(unit, "none"))
        return Reading(fmt(base, unit), precision=PRECISION.get(unit, "none"), anchor="published", mod=mod)
    if anchor is None:
        return Reading({-1: "PAST_REF", 1: "FUTURE_REF"}.get(offset if isinstance(offset, int) else 0,
                                                             "PRESENT_REF"), mod=mod)
    if offset == "-4Q":  # "the year-earlier quarter": the quarter a year before the one discussed
        base = ctx.quarter or shift(anchor, "Q", -1)
        d = shift(base, "Y", -1)
        return Reading(fmt(d, "Q"), precision="quarter", anchor="published", mod=mod)
    n = offset if isinstance(offset, int) else 0
    if unit == "WE" and n == 0 and tense == "past" and anchor.isoweekday() < 6:
        n = -1  # "ce week-end" told on a weekday in the past tense: the one just gone
    d = shift(anchor, unit, n)
    quarter = d if unit == "Q" else None
    return Reading(fmt(d, unit), precision=PRECISION.get(unit, "none"), anchor="published", mod=mod,
                   day=d if unit == "D" else None, quarter=quarter)


def with_part_of_day(g: Grammar, groups: dict[str, str], d: date, reading_day: bool = True) -> Reading:
    pod = g.lookup("pod", groups["pod"]) if "pod" in groups else None
    if pod:
        return Reading(f"{d.isoformat()}T{pod}", type="TIME", precision="day", anchor="published", day=d)
    return Reading(d.isoformat(), precision="day", anchor="published", day=d)


def read_weekday(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    weekday = int(g.lookup("weekday", c.groups["weekday"]))
    if ctx.anchor is None:
        return Reading(f"XXXX-WXX-{weekday}", precision="day", weekday=weekday)
    d = weekday_date(ctx.anchor, weekday, direction_of(offset_of(g, c.groups), tense))
    r = with_part_of_day(g, c.groups, d)
    explicit = "rel" in c.groups or "relafter" in c.groups
    return Reading(r.value, type=r.type, precision="day", anchor="published", day=d,
                   weekday=None if explicit else weekday)


def read_deictic(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    word = c.groups["deictic"]
    days = int(g.lookup("deictic", word))
    groups = dict(c.groups)
    if "pod" not in groups and g.lookup("pod", word):  # "tonight" is both a day and its night
        groups["pod"] = word
    if ctx.anchor is None:
        return Reading({-1: "PAST_REF", 1: "FUTURE_REF"}.get(max(-1, min(1, days)), "PRESENT_REF"))
    return with_part_of_day(g, groups, shift(ctx.anchor, "D", days))


OVERNIGHT = frozenset({"overnight"})  # a night word that, bare, means the night just gone


def read_part_of_day(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    base = ctx.reference or ctx.anchor
    offset = offset_of(g, c.groups)
    if base is None:
        return Reading(f"XXXX-XX-XXT{g.lookup('pod', c.groups['pod'])}", type="TIME", precision="day")
    if isinstance(offset, int):
        base = shift(ctx.anchor or base, "D", offset)
    # Told in the past, "cette nuit" (at publication) and "overnight" (before any day) are the night
    # just gone, dated by its evening (TNI); a bare "la nuit" may be any night.
    bare_overnight = "rel" not in c.groups and "relafter" not in c.groups and c.groups["pod"].lower() in OVERNIGHT
    this_night = offset == 0 and ctx.anchor is not None and base == ctx.anchor
    if tense == "past" and (this_night or bare_overnight) and g.lookup("pod", c.groups["pod"]) == "NI":
        base = shift(base, "D", -1)
    return with_part_of_day(g, c.groups, base)


def read_reference(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    return Reading(str(g.lookup("ref", c.groups["ref"])))


def read_ago(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    unit = str(g.lookup("unit", c.groups["unit"]))
    word = c.groups.get("ago") or c.groups.get("agobefore") or ""
    direction = int(g.lookup("ago" if "ago" in c.groups else "agobefore", word))
    n = number_of(g, c.groups)
    mod = mod_of(g, c.groups)
    if n is None or ctx.anchor is None:
        return Reading("PAST_REF" if direction < 0 else "FUTURE_REF", mod=mod)
    if unit in TIME_UNITS:
        return Reading(ctx.anchor.isoformat(), precision="day", anchor="published", mod=mod, day=ctx.anchor)
    if unit == "Y" and ctx.quarter is not None and float(n).is_integer():
        # financial copy: "a year ago" after "the third quarter" means that quarter a year before
        return Reading(fmt(shift(ctx.quarter, "Y", direction * int(n)), "Q"), precision="quarter",
                       anchor="published", mod=mod)
    if unit in ("DE", "CE"):  # "a decade ago": a year, not the decade
        years = int(n * (10 if unit == "DE" else 100))
        return Reading(fmt(shift(ctx.anchor, "Y", direction * years), "Y"), precision="year",
                       anchor="published", mod=mod)
    if not float(n).is_integer():
        return Reading(fmt(ctx.anchor, "Y"), precision="year", anchor="published", mod="APPROX")
    mult, unit = unit_parts(unit)
    d = shift(ctx.anchor, unit, direction * int(n) * mult)
    return Reading(fmt(d, unit), precision=PRECISION.get(unit, "none"), anchor="published", mod=mod,
                   day=d if unit == "D" else None)


def read_anaphoric(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    base = ctx.reference or ctx.anchor
    if base is None:
        return Reading(None, invalid="no earlier date to count from")
    d = shift(base, "D", int(g.lookup("anaphoric", c.groups["anaphoric"])))
    return with_part_of_day(g, c.groups, d)
