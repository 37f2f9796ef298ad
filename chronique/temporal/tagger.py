"""Recognise and normalise every temporal expression of a plain string: ``tag_text``.

Usable without spaCy (the TimeBank evaluation runs it on raw text); the pipeline stage passes a
tense function built from the parse instead of the lexical one here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from chronique.errors import InputError
from chronique.temporal.grammar import Grammar, load_grammar
from chronique.temporal.normalise import Context, Timex, normalise
from chronique.temporal.recognise import Candidate, recognise

TenseOf = Callable[[int, int], "str | None"]  # span → "past" | "future" | None

SENTENCE_END = re.compile(r"[.!?]\s|\n")
SENTENCE_WINDOW = 1000  # characters looked at on each side for a sentence boundary


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the last terminal mark before to the next one."""
    window = max(0, start - SENTENCE_WINDOW)  # a long text is not rescanned from its start each time
    left = window
    for found in SENTENCE_END.finditer(text, window, start):
        left = found.end()
    after = SENTENCE_END.search(text, end, end + SENTENCE_WINDOW)
    return left, (after.start() + 1 if after else min(len(text), end + SENTENCE_WINDOW))


CLAUSE_END = re.compile(r"[,;:()«»\"“”`]|\s[-–—]\s")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): the sentence cut at commas, colons, quotes, dashes."""
    left, right = sentence_bounds(text, start, end)
    for found in CLAUSE_END.finditer(text, left, start):
        left = found.end()
    after = CLAUSE_END.search(text, end, right)
    return left, (after.start() if after else right)


def lexical_tense(text: str, grammar: Grammar) -> TenseOf:
    """Tense from cue words ("will", "devrait"…) of the clause, else of the sentence; the nearest
    cue decides."""

    def nearest_cue(start: int, end: int, left: int, right: int) -> str | None:
        best: tuple[int, str] | None = None
        for name, label in (("future_cues", "future"), ("past_cues", "past")):
            for m in grammar.cue_regexes[name].finditer(text, left, right):
                if start <= m.start() < end:
                    continue  # the expression's own words ("next") are read by the normaliser
                distance = min(abs(m.start() - start), abs(m.end() - end))
                if best is None or distance < best[0]:
                    best = (distance, label)
        return best[1] if best else None

    def tense(start: int, end: int) -> str | None:
        # the clause first; a detached adverbial ("Mardi, la délégation rentrera") takes the sentence's
        return nearest_cue(start, end, *clause_bounds(text, start, end)) or nearest_cue(
            start, end, *sentence_bounds(text, start, end))

    return tense


def parse_anchor(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published[:10])
    except ValueError as exc:
        raise InputError(f"expected a publication date YYYY-MM-DD, found {published!r}",
                         where="published") from exc


def _signal_mod(text: str, start: int, grammar: Grammar) -> str | None:
    """"depuis le 24 février", "since 1990": the word just before gives TimeML's mod."""
    before = text[max(0, start - 20):start]
    m = re.search(r"([\w']+)\W*$", before)
    if not m:
        return None
    value = grammar.lookup("signal", m.group(1))
    return str(value) if value else None


def is_age(text: str, cand: Candidate, grammar: Grammar) -> bool:
    """"Agé de 54 ans", "X, 53 ans, employé": a count of years that gives someone's age."""
    if cand.kind != "duration" or grammar.lookup("unit", cand.groups.get("unit", "")) != "Y":
        return False
    before = text[max(0, cand.start - 25):cand.start]
    if grammar.vocab["age"] and re.search(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in grammar.vocab["age"])
                                          + r")\s+$", before, re.IGNORECASE):
        return True
    return grammar.age_between_commas and before.endswith(", ") and text[cand.end:cand.end + 1] == ","


def is_rate(text: str, cand: Candidate, grammar: Grammar) -> bool:
    """"5 percent a year", "twice a week": "a year" here is a rate's period, not a duration."""
    if cand.kind != "duration" or grammar.lookup("wnum", cand.groups.get("num", "")) != 1:
        return False
    before = text[max(0, cand.start - 40):cand.start]
    words = "|".join(re.escape(w) for w in grammar.vocab["rate"])
    # "700 seats a week": a count and its noun before
    marker = r"(?:\d|(?<!\w)(?:" + words + r"))" if words else r"\d"
    return re.search(marker + r"(?:\s+[^\W\d]+)?\s*$", before, re.IGNORECASE) is not None


def tag_text(text: str, lang: str | Grammar, published: date | str | None = None,
             tense: TenseOf | None = None) -> list[Timex]:
    """Every temporal expression of ``text``, normalised against ``published`` (may be None)."""
    grammar = load_grammar(lang) if isinstance(lang, str) else lang
    anchor = parse_anchor(published)
    tense_of = tense or lexical_tense(text, grammar)
    ctx = Context(anchor=anchor, reference=anchor)
    out = []
    for cand in recognise(text, grammar):
        if is_age(text, cand, grammar) or is_rate(text, cand, grammar):
            continue
        tense_here = tense_of(cand.start, cand.end)
        timex = normalise(cand, text, grammar, ctx, tense_here)
        signal = _signal_mod(text, cand.start, grammar)
        out.append(replace(timex, tense=tense_here, mod=timex.mod or signal))
    return out
