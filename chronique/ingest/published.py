"""Inferring a publication date from the text itself, when the source and the user give none.

The guess is the most recent date the text states in full: "24 février 2022", "le 1er mars
2021", "March 3, 2021", "3 March 2021", "2021-03-03", "03/03/2021" (day first in French, month
first in English unless the first number exceeds 12). A day and month introduced by a weekday
without a year ("Samedi 25 juin", "Saturday, June 25") is anchored to the latest year the text
names when that year puts the day on that weekday; else the following year, then the preceding
one (a piece written in January about December, or one that names a coming year). Never "today":
with no date in the text the answer is None.

Month and weekday names come from CLDR (babel), so no table of them lives here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

SUPPORTED = ("fr", "en")
_YEAR = r"(?P<y>(?:1[89]|20)\d{2})(?!\d)"
_DAY = r"(?<!\d)(?P<d>[0-3]?\d)(?:er|re|e|st|nd|rd|th)?"
# Prepositions that introduce a bare year ("en 2022", "since 2014"): a year, not a quantity.
_YEAR_PREPOSITIONS = {"fr": ("en", "depuis", "début", "fin", "année"), "en": ("in", "since", "early", "late", "year")}


@dataclass(frozen=True)
class _Patterns:
    full: tuple[re.Pattern[str], ...]  # day, month name, year in some order
    weekday: tuple[re.Pattern[str], ...]  # weekday, day, month name, no year
    year_only: tuple[re.Pattern[str], ...]  # a month and year, or a year after a preposition
    months: dict[str, int]
    weekdays: dict[str, int]


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _name_table(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """Lower-case month and weekday spellings (full, abbreviated, without accents) → number."""
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=lang).items():
            for form in {name.lower().rstrip("."), _strip_accents(name.lower()).rstrip(".")}:
                months[form] = number
    for number, name in get_month_names("wide", locale=lang).items():
        prefix = name.lower()[:4]  # "sept", "janv": common four-letter abbreviations
        months.setdefault(prefix, number)
        months.setdefault(_strip_accents(prefix), number)
    weekdays: dict[str, int] = {}
    for number, name in get_day_names("wide", locale=lang).items():
        weekdays[name.lower()] = number
    return months, weekdays


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(lang: str) -> _Patterns:
    langs = (lang,) if lang in SUPPORTED else SUPPORTED
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    prepositions: list[str] = []
    for code in langs:
        m, w = _name_table(code)
        months.update(m)
        weekdays.update(w)
        prepositions.extend(_YEAR_PREPOSITIONS[code])
    month = rf"\b(?P<m>{_alternation(months)})\b\.?"
    wday = rf"\b(?P<w>{_alternation(weekdays)})\b"
    no_year_after = r"(?!\.?,?\s*(?:1[89]|20)\d{2}(?!\d))"
    flags = re.IGNORECASE
    full = [re.compile(rf"{_DAY}\s+(?:de\s+|of\s+)?{month},?\s+{_YEAR}", flags)]
    weekday = [re.compile(rf"{wday},?\s+(?:the\s+)?{_DAY}\s+(?:de\s+|of\s+)?{month}{no_year_after}", flags)]
    if "en" in langs:
        full.append(re.compile(rf"{month}\s+{_DAY}\b,?\s+{_YEAR}", flags))
        weekday.append(re.compile(rf"{wday},?\s+{month}\s+{_DAY}\b{no_year_after}", flags))
    year_only = (
        re.compile(rf"{month},?\s+{_YEAR}", flags),
        re.compile(rf"\b(?:{'|'.join(map(re.escape, prepositions))})\s+{_YEAR}", flags),
    )
    return _Patterns(tuple(full), tuple(weekday), year_only, months, weekdays)


_ISO = re.compile(r"(?<![\d/.-])(?P<y>(?:1[89]|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:1[89]|20)\d{2})(?!\d)")


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(p: _Patterns, name: str) -> int:
    return p.months[name.lower().rstrip(".")]


def full_dates(text: str, lang: str) -> list[date]:
    """Every date stated in full (day, month, year) in the text, in order of appearance."""
    p = _patterns(lang)
    found: list[tuple[int, date]] = []
    for pattern in p.full:
        for m in pattern.finditer(text):
            d = _make_date(int(m["y"]), _month_number(p, m["m"]), int(m["d"]))
            if d:
                found.append((m.start(), d))
    for m in _ISO.finditer(text):
        d = _make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            found.append((m.start(), d))
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        day_first = lang != "en" or a > 12
        d = _make_date(int(m["y"]), b if day_first else a, a if day_first else b)
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda item: item[0])]


def named_years(text: str, lang: str) -> list[int]:
    """Years the text names explicitly: in full dates, after a month, or after a preposition."""
    p = _patterns(lang)
    years = [d.year for d in full_dates(text, lang)]
    for pattern in p.year_only:
        years.extend(int(m["y"]) for m in pattern.finditer(text))
    return years


def weekday_dates(text: str, lang: str, anchor_year: int) -> list[date]:
    """Weekday + day + month without a year, placed in the year that makes the weekday right."""
    p = _patterns(lang)
    found: list[date] = []
    for pattern in p.weekday:
        for m in pattern.finditer(text):
            weekday = p.weekdays[m["w"].lower()]
            month, day = _month_number(p, m["m"]), int(m["d"])
            for year in (anchor_year, anchor_year + 1, anchor_year - 1):
                d = _make_date(year, month, day)
                if d and d.weekday() == weekday:
                    found.append(d)
                    break
    return found


def infer_published(text: str, lang: str) -> str | None:
    """The most recent date the text states in full (see the module doc), as YYYY-MM-DD, or None."""
    candidates = full_dates(text, lang)
    years = named_years(text, lang)
    if years:
        candidates.extend(weekday_dates(text, lang, max(years)))
    return max(candidates).isoformat() if candidates else None
