"""Parties the actor stage may leave unnamed in a transfer sentence, found by their names.

- Capitals: in a transfer frame a capital given or sold to, or bought from, stands for its
  government ("livré à Kiev", "bought from Paris").
- A state named bare right after a verb and glued by the tagger to the noun phrase that follows
  ("sent Ukraine Storm Shadow missiles": "Ukraine" parsed as a compound of "missiles", and so never
  coded as an actor): the verb's first object, the receiver of an English double-object frame.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from chronique.knowledge.countries import cldr_names
from chronique.knowledge.datafiles import read_data_csv, split_forms

GLUED_DEPS = frozenset({"compound", "nmod", "amod"})  # a name the parser hangs on the noun after it
PHRASE_POS = frozenset({"PROPN", "NOUN", "NUM", "ADJ", "PRON"})  # the noun phrase the name is glued to


def _pattern(names: dict[str, str]) -> re.Pattern[str]:
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@cache
def _capitals() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {name: row["iso3"] for row in read_data_csv("capitals.csv") for name in split_forms(row["names"])}
    return _pattern(names), names


@cache
def _countries() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {name: row["iso3"] for row in read_data_csv("countries.csv")
             for name in (row["name"], *cldr_names(row["iso2"]), *split_forms(row["aliases"]))}
    return _pattern(names), names


def capital_parties(sent: Span) -> list[tuple[int, int, str]]:
    """Capitals of the sentence as (start, end, country) character offsets."""
    regex, names = _capitals()
    base = sent.start_char
    return [(base + m.start(), base + m.end(), names[m.group(0)]) for m in regex.finditer(sent.text)]


def glued_states(sent: Span) -> list[tuple[int, int, str]]:
    """States named right after a verb and parsed as part of the noun phrase after them, as
    (start, end, country) character offsets ("sent Ukraine Storm Shadow missiles")."""
    regex, names = _countries()
    doc, base, out = sent.doc, sent.start_char, []
    for m in regex.finditer(sent.text):
        span = doc.char_span(base + m.start(), base + m.end())
        if span is None or span.start <= sent.start or span.end >= sent.end:
            continue
        verb, after = doc[span.start - 1], doc[span.end]
        if verb.pos_ == "VERB" and span.root.dep_ in GLUED_DEPS and after.pos_ in PHRASE_POS and (
                span.root.head.i >= span.end):
            out.append((base + m.start(), base + m.end(), names[m.group(0)]))
    return out


def named_state(tok: Token) -> bool:
    """The token begins the name of a state or its capital ("Kyiv", "Ukraine", "United States")."""
    text = tok.doc.text[tok.idx:]
    return any(regex.match(text) is not None for regex, _ in (_capitals(), _countries()))
