"""Turn a recognised candidate into a TIMEX3 value against the anchor (the publication date).

One reader per pattern kind (readers_dates, readers_periods); each reads the candidate's named
groups (the grammar's vocabulary classes). Relative expressions need the anchor: without one they
get a TimeML ``X``-value or a ``*_REF`` value, never an invented date.
"""

from __future__ import annotations

from collections.abc import Callable

from chronique.temporal.grammar import Grammar
from chronique.temporal.readers_dates import (
    read_ago,
    read_anaphoric,
    read_date,
    read_deictic,
    read_part_of_day,
    read_reference,
    read_relative,
    read_weekday,
)
from chronique.temporal.readers_periods import (
    read_century,
    read_decade,
    read_duration,
    read_holiday,
    read_quarter,
    read_season,
    read_set,
    read_time,
)
from chronique.temporal.recognise import Candidate
from chronique.temporal.timex import Context, Reading, Timex

__all__ = ["Context", "Reading", "Timex", "normalise"]

READERS: dict[str, Callable[[Candidate, Grammar, Context, str | None], Reading]] = {
    "date": read_date, "relative": read_relative, "weekday": read_weekday, "deictic": read_deictic,
    "part_of_day": read_part_of_day, "reference": read_reference, "ago": read_ago,
    "duration": read_duration, "set": read_set, "time": read_time, "season": read_season,
    "decade": read_decade, "century": read_century, "quarter": read_quarter,
    "anaphoric": read_anaphoric, "holiday": read_holiday,
}


def normalise(c: Candidate, text: str, grammar: Grammar, ctx: Context, tense: str | None) -> Timex:
    reader = READERS.get(c.kind)
    if reader is None:
        raise ValueError(f"expected a pattern kind in {sorted(READERS)}, found {c.kind!r}")
    r = reader(c, grammar, ctx, tense)
    if r.day is not None and r.type in ("DATE", "TIME"):
        ctx.reference = r.day
    if r.quarter is not None:
        ctx.quarter = r.quarter
    return Timex(start=c.start, end=c.end, text=text[c.start:c.end], value=r.value, type=r.type,
                 precision=r.precision if r.value else "none", anchor=r.anchor if r.value else "none",
                 mod=r.mod, invalid=r.invalid, weekday=r.weekday)
