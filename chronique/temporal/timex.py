"""The records of temporal normalisation: a Timex (the answer), its Context and a Reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    precision: str = "none"  # day, month, year, week, quarter, season, decade, century, time, none
    anchor: str = "none"  # "published" (relative to it), "absolute", "none"
    mod: str | None = None  # TimeML mod: START (depuis…), END, MID, APPROX, BEFORE, AFTER
    invalid: str | None = None  # why a date-looking expression has no value ("31 février")
    weekday: int | None = None  # a bare weekday, kept so a future event can re-resolve it
    tense: str | None = None  # the tense of its clause as read ("past", "future", None: no clue)


@dataclass
class Context:
    """What normalisation of one text knows: the anchor and what the text mentioned so far."""

    anchor: date | None
    reference: date | None = None  # the last day the text mentioned (for "8 h 30", "the next day")
    quarter: date | None = None  # the last quarter mentioned (financial "a year ago")
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """A normaliser's answer before the span is attached."""

    value: str | None
    type: str = "DATE"
    precision: str = "none"
    anchor: str = "none"
    mod: str | None = None
    invalid: str | None = None
    weekday: int | None = None
    day: date | None = None  # the day it names, when it names one (updates the context)
    quarter: date | None = None
