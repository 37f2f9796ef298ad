"""The date that governs an event: ``event_date`` reads the times stage's records on the Doc
(``ch_times``) around a span of the text; the event coder and the transfers stage ask it per event."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from chronique.annotations.extensions import doc_text, get_list
from chronique.annotations.records import TimeRecord
from chronique.temporal.calendar import weekday_date
from chronique.temporal.tagger import clause_bounds, parse_anchor, sentence_bounds

# Event dates are days, months or years; these TIMEX3 shapes reduce to one of them.
DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T.*)?$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
PART_OF_YEAR = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
NARRATIVE_DAYS = 7  # how far before publication a named day may still set the narrative's scene
NARRATIVE_SENTENCES = 8  # how many sentences on a named day still sets it
FIRST_MONTH = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7, "SP": 3, "SU": 6, "FA": 9, "WI": 12}


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start, computed once per Doc (event_date asks per event)."""
    cached = doc.user_data.get("chronique.sentence_starts")
    if cached is None or cached[0] != len(doc):
        starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        cached = doc.user_data["chronique.sentence_starts"] = (len(doc), starts)
    return cached[1]


def sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def calendar_date(value: str | None, precision: str) -> tuple[str, str] | None:
    """A TIMEX3 value as an event date ("YYYY-MM-DD" | "YYYY-MM" | "YYYY") with its precision."""
    if not value:
        return None
    if m := DAY.match(value):
        return m.group(1), "day"
    if MONTH.match(value):
        return value, "month"
    if YEAR.match(value):
        return value, "year"
    if m := WEEK.match(value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday.isoformat(), "week"
    if m := PART_OF_YEAR.match(value):
        return f"{m.group(1)}-{FIRST_MONTH[m.group(2)]:02d}", precision if precision != "none" else "month"
    return None


def _dated(doc: Doc, item: TimeRecord, future: bool) -> tuple[str, str] | None:
    if item.get("type") not in ("DATE", "TIME"):
        return None
    weekday = item.get("_weekday")
    anchor = parse_anchor(doc._.ch_published)
    if future and weekday is not None and anchor is not None and item.get("_tense") is None:
        # a bare weekday whose own clause gave no tense, told of a future event: the coming one
        return weekday_date(anchor, int(weekday), "future").isoformat(), "day"
    return calendar_date(item.get("value"), str(item.get("_precision", "none")))


def _detached(text: str, item: TimeRecord, start: int, sentence_left: int) -> bool:
    """A time set off by commas on its own ("Samedi 25 juin, les forces…") governs the clause
    that follows it in its sentence (which begins at ``sentence_left``)."""
    if item["end"] > start or item["start"] < sentence_left:
        return False
    alone = item.get("_alone")
    if alone is None:  # worked out once per time, not once per event
        left, right = clause_bounds(text, item["start"], item["end"])
        alone = item["_alone"] = len(text[left:right].strip()) <= len(item["text"]) + 3  # room for "Le", "On"
    return bool(alone)


def _closest(items: list[tuple[TimeRecord, tuple[str, str]]], start: int, end: int) -> tuple[str, str]:
    def distance(item: TimeRecord) -> int:
        if item["start"] < end and start < item["end"]:
            return 0
        return min(abs(item["start"] - end), abs(start - item["end"]))

    return min(items, key=lambda pair: distance(pair[0]))[1]


def event_date(doc: Doc, start: int, end: int, *, future: bool = False, near: int | None = None,
               past: bool = False) -> tuple[str | None, str, str]:
    """(value, precision, source) of the date governing the doc span [start, end).

    The temporal expression of the span's clause, else of its sentence, else the publication date
    (source "published"; value None when the article has none); among several, the one nearest
    the trigger at ``near`` (else the span). Between the sentence and the publication date, a past
    event with no date of its own takes the narrative's current day, the last recent day named
    before it (source "context"). An act told in a past tense (``past``) happened by the
    publication date: a later date in its clause is some other occasion's ("l'annulation du
    sommet prévu le 12 juin").
    """
    published = doc._.ch_published
    dated = [(item, d) for item in get_list(doc, "ch_times") if (d := _dated(doc, item, future))
             and not (past and published and d[0][:len(published)] > published)]
    if near is not None:
        start_near, end_near = near, near + 1
    else:
        start_near, end_near = start, end
    if dated:
        left, right = clause_bounds(doc_text(doc), start, end)
        left, right = min(left, start), max(right, end)
        sentence_left = sentence_bounds(doc_text(doc), start, start)[0]
        in_clause = [(i, d) for i, d in dated
                     if (i["start"] >= left and i["end"] <= right) or _detached(doc_text(doc), i, start, sentence_left)]
        if in_clause:
            value, precision = _closest(in_clause, start_near, end_near)
            return value, precision, "clause"
        starts = sentence_starts(doc)
        sentence = sentence_index(starts, start)
        in_sentence = [(i, d) for i, d in dated
                       if i.get("_sentence", sentence_index(starts, i["start"])) == sentence]
        if in_sentence:
            value, precision = _closest(in_sentence, start_near, end_near)
            return value, precision, "sentence"
        carried = _narrative_date(doc, dated, start)
        if carried:
            return carried[0], carried[1], "context"
    return published, "day" if published else "none", "published"


def _narrative_date(doc: Doc, dated: list[tuple[TimeRecord, tuple[str, str]]],
                    start: int) -> tuple[str, str] | None:
    """The narrative's current day: the last day named before the span, when it is a recent one.

    News copy names the day once ("ont eu un tête-à-tête samedi") and goes on about the same
    occasion (a pledge made there is dated by it, whatever its future tense). A background date
    ("depuis le 24 février 2022", or one more than a week before publication) sets no such scene,
    and a scene fades: after ``NARRATIVE_SENTENCES`` sentences the copy has moved on (reactions,
    background), and an undated event is the report's own.
    """
    anchor = parse_anchor(doc._.ch_published)
    before = [(i, d) for i, d in dated if i["end"] <= start and d[1] == "day" and not i.get("_mod")]
    if not before:
        return None
    item, (value, precision) = max(before, key=lambda pair: pair[0]["end"])
    if anchor is not None and not 0 <= (anchor - date.fromisoformat(value)).days <= NARRATIVE_DAYS:
        return None
    starts = sentence_starts(doc)
    if sentence_index(starts, start) - sentence_index(starts, item["start"]) > NARRATIVE_SENTENCES:
        return None
    return value, precision
