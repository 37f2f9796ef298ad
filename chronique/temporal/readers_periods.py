"""Readers of durations, sets, clock times, seasons, decades, centuries, quarters and holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from chronique.temporal.calendar import (
    PRECISION,
    duration,
    nearest_year,
    season_value,
    shift,
    weekday_date,
)
from chronique.temporal.grammar import Grammar
from chronique.temporal.readers_dates import direction_of, mod_of, number_of, offset_of, to_int, year_of
from chronique.temporal.recognise import Candidate
from chronique.temporal.timex import Context, Reading


def read_duration(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    if "punit" in c.groups:  # "for years": a plural unit alone, an unspecified number
        return Reading(duration(None, str(g.lookup("punit", c.groups["punit"]))), type="DURATION")
    unit = str(g.lookup("unit", c.groups["unit"]))
    n = number_of(g, c.groups)
    if n is not None and "half" in c.groups:  # "a minute and a half"
        n += 0.5
    return Reading(duration(n, unit), type="DURATION", mod=mod_of(g, c.groups))


def read_set(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    if "setword" in c.groups:
        value = str(g.lookup("setword", c.groups["setword"]))
        return Reading(value, type="SET")
    if "weekday" in c.groups:
        return Reading(f"XXXX-WXX-{g.lookup('weekday', c.groups['weekday'])}", type="SET")
    if "pod" in c.groups:
        return Reading(f"T{g.lookup('pod', c.groups['pod'])}", type="SET")
    unit = str(g.lookup("unit", c.groups["unit"]))
    return Reading(duration(number_of(g, c.groups), unit), type="SET")


def read_time(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    groups = c.groups
    if "clock" in groups:
        clock = str(g.lookup("clock", groups["clock"]))
    else:
        hour = to_int(groups["hour"])
        minute = to_int(groups["minute"]) if "minute" in groups else 0
        ampm = g.lookup("ampm", groups["ampm"]) if "ampm" in groups else None
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 24 or (hour == 24 and minute):
            return Reading(None, type="TIME", invalid=f"no hour {hour}:{minute:02d}")
        clock = f"{hour:02d}:{minute:02d}"
    base = ctx.reference or ctx.anchor
    if "deictic" in groups and ctx.anchor is not None:
        base = shift(ctx.anchor, "D", int(g.lookup("deictic", groups["deictic"])))
    if "weekday" in groups and ctx.anchor is not None:  # "9 p.m. Tuesday"
        base = weekday_date(ctx.anchor, int(g.lookup("weekday", groups["weekday"])), direction_of(None, tense))
    if base is None:
        return Reading(f"XXXX-XX-XXT{clock}", type="TIME", precision="time")
    return Reading(f"{base.isoformat()}T{clock}", type="TIME", precision="day", anchor="published", day=base)


def read_season(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    season = str(g.lookup("season", c.groups["season"]))
    year = year_of(c.groups, ctx.anchor)
    offset = offset_of(g, c.groups)
    if year is not None:
        return Reading(f"{year:04d}-{season}", precision="season", anchor="absolute", mod=mod_of(g, c.groups))
    if ctx.anchor is None or (offset is None and "det" not in c.groups and "rel" not in c.groups):
        return Reading(f"XXXX-{season}" if ctx.anchor is None or offset is None else None, precision="season")
    return Reading(season_value(ctx.anchor, season, offset if isinstance(offset, int) else None),
                   precision="season", anchor="published", mod=mod_of(g, c.groups))


def read_decade(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    raw = re.sub(r"\D", "", c.groups["decade"])
    if len(raw) == 2:
        century = (ctx.anchor.year // 100) if ctx.anchor else 19
        year = century * 100 + int(raw)
        if ctx.anchor and year > ctx.anchor.year:
            year -= 100
    else:
        year = int(raw)
    return Reading(f"{year // 10:03d}", precision="decade", anchor="absolute", mod=mod_of(g, c.groups))


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(text: str) -> int:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = ROMAN.get(ch, 0)
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def read_century(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    if "roman" in c.groups:
        n = _roman(c.groups["roman"])
    elif "ordinal" in c.groups:
        n = int(g.lookup("ordinal", c.groups["ordinal"]))
    else:
        n = to_int(c.groups.get("digits", "0"))
    if n <= 0:
        return Reading(None, invalid="a century without a number")
    return Reading(f"{n - 1:02d}", precision="century", anchor="absolute", mod=mod_of(g, c.groups))


def read_quarter(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    unit = str(g.lookup("qunit", c.groups["qunit"]))
    n = int(g.lookup("ordinal", c.groups["ordinal"])) if "ordinal" in c.groups else to_int(c.groups["digits"])
    per_year = 4 if unit == "Q" else 2
    if unit not in ("Q", "HALF") or not 1 <= n <= per_year:
        return Reading(None, invalid=f"no {unit} number {n}")
    letter = "Q" if unit == "Q" else "H"
    year = year_of(c.groups, ctx.anchor)
    if year is None and ctx.anchor is None:
        return Reading(f"XXXX-{letter}{n}", precision=PRECISION[unit])
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year
        start_month = (n - 1) * (12 // per_year) + 1
        if tense == "past" and date(year, start_month, 1) > ctx.anchor:
            year -= 1
    assert year is not None
    first = date(year, (n - 1) * (12 // per_year) + 1, 1)
    return Reading(f"{year:04d}-{letter}{n}", precision=PRECISION[unit],
                   anchor="absolute" if year_of(c.groups, ctx.anchor) else "published",
                   quarter=first if unit == "Q" else None)


HOLIDAY_SPEC = re.compile(r"(\d+)-(\d+)(?:-(-?\d+))?")


def _holiday_day(spec: str, year: int) -> date:
    """"12-25" is a fixed day; "11-4-4" the 4th Thursday (ISO weekday 4) of November, "5-1--1" the
    last Monday of May."""
    m = HOLIDAY_SPEC.fullmatch(spec)
    if m is None:
        raise ValueError(f"expected a holiday as MM-DD or MM-WEEKDAY-NTH, found {spec!r}")
    if m[3] is None:
        return date(year, int(m[1]), int(m[2]))
    month, weekday, nth = int(m[1]), int(m[2]), int(m[3])
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = shift(date(year, month, 1), "M", 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def read_holiday(c: Candidate, g: Grammar, ctx: Context, tense: str | None) -> Reading:
    spec = str(g.lookup("holiday", c.groups["holiday"]))
    year = year_of(c.groups, ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            fixed = re.fullmatch(r"(\d+)-(\d+)", spec)
            return Reading(f"XXXX-{int(fixed[1]):02d}-{int(fixed[2]):02d}" if fixed else None, precision="day")
        this_year = _holiday_day(spec, ctx.anchor.year)
        year = nearest_year(ctx.anchor, this_year.month, this_year.day, tense) or ctx.anchor.year
    d = _holiday_day(spec, year)
    return Reading(d.isoformat(), precision="day", anchor="published", day=d)
