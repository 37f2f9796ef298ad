"""Countries an act is aimed at, named as "anti-X": "une manifestation anti-américaine", "anti-American
protests". The French tokenizer keeps "anti-américaine" whole, so the exact scan misses it and
``against_hits`` adds the country; English splits it and the scan finds "American". Either way the
mention is marked ``_against``: the coder takes it as the act's target, never as its doer.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention
from chronique.knowledge.actors import ADJECTIVE, NAME, ActorKnowledge, Alias
from chronique.nlp.fuzzy_actors import Hit

AGAINST_PREFIX = "anti-"  # folded


def against_hits(doc: Doc, folded: list[str], i: int, kb: ActorKnowledge,
                 accepted: Callable[[list[Alias], str], list[Alias]]) -> list[Hit]:
    """The country a one-token "anti-X" at token ``i`` names, as dictionary hits over that token."""
    key = folded[i]
    if not key.startswith(AGAINST_PREFIX) or len(key) <= len(AGAINST_PREFIX):
        return []
    aliases = [a for a in accepted(kb.lookup(key[len(AGAINST_PREFIX):]), doc[i].text[len(AGAINST_PREFIX):])
               if a.entry.kind == "country" and a.entry.what in (NAME, ADJECTIVE)]
    return [Hit(i, i + 1, what, tuple(a for a in aliases if a.entry.what == what))
            for what in dict.fromkeys(a.entry.what for a in aliases)]


def mark_against(doc: Doc, folded: list[str], record: ActorMention, start: int, end: int) -> None:
    """Mark a mention over tokens [start, end) that follows "anti-"; a one-token "anti-X" mention is
    narrowed to its country part."""
    if end - start == 1 and folded[start].startswith(AGAINST_PREFIX):
        record["text"] = str(record["text"])[len(AGAINST_PREFIX):]
        record["start"] = int(record["start"]) + len(AGAINST_PREFIX)
        record["_against"] = True
    elif start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "anti" \
            and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        record["_against"] = True  # "anti-American protests"
