"""Strict limits on reading part of a person's name as a known party.

A dictionary name that covers only part of another person's name is not that party: "Philippe
Germain" is not King Philippe, "Jean Dupont" not Grand Duke Jean, "Brigitte Macron" not the
president, and a surname that looks like a misspelt country ("Brunel", one edit from Brunei) is
never guessed as that country. The people named in the text are the parser's person entities
(``name_runs``; without them the limits are off: runs of capitalised words also take in "On
Monday"); titles and honorifics in front are no part of a name ("le président Macron", "M. Macron").
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.knowledge.actors import NAME, fold
from chronique.nlp.anaphora import name_runs
from chronique.nlp.fuzzy_actors import Hit


def person_runs(doc: Doc, titles: dict[str, str] | None, honorifics: frozenset[str]) -> list[tuple[int, int]]:
    """The people named in ``doc``: the parser's person entities without their titles; none without
    the parser's entities (runs of capitalised words also take in "On Monday")."""
    if not doc.has_annotation("ENT_IOB"):
        return []
    return other_names(doc, name_runs(doc, titles, honorifics), titles)


Span = tuple[int, int]


def someone_else(doc: Doc, hits: list[Hit], titles: dict[str, str] | None,
                 honorifics: frozenset[str]) -> tuple[list[Hit], list[Span], list[Span]]:
    """The dictionary hits without the people's names that are part of another person's name, the
    whole names of those other people (each once: they stay people, uncoded), and the name runs."""
    runs = person_runs(doc, titles, honorifics)
    other = [h for h in hits if h.what == NAME and all(a.entry.kind == "person" for a in h.aliases)
             and part_of_longer_name(doc, h.start, h.end, runs)]
    names = list(dict.fromkeys(longer_name(h.start, h.end, runs) for h in other))
    return [h for h in hits if h not in other], names, runs


def other_names(doc: Doc, runs: list[tuple[int, int]], titles: dict[str, str] | None) -> list[tuple[int, int]]:
    """The name runs without the titles they start with ("Président Révérien Ndikuriyo" → the name)."""
    out = []
    for start, end in runs:
        while start < end - 1 and titles is not None and fold(doc[start].text) in titles:
            start += 1
        out.append((start, end))
    return out


def part_of_longer_name(doc: Doc, start: int, end: int, runs: list[tuple[int, int]]) -> bool:
    """Whether tokens [start, end) are a strict part of a person's name run whose other words are
    capitalised name words ("Philippe" of "Philippe Germain")."""
    for s, e in runs:
        if s <= start and end <= e and (e - s) > (end - start):
            rest = [doc[k] for k in range(s, e) if not start <= k < end]
            if all(t.is_alpha and t.text[:1].isupper() for t in rest):
                return True
    return False


def longer_name(start: int, end: int, runs: list[tuple[int, int]]) -> tuple[int, int]:
    """The longest name run that holds tokens [start, end) (itself when none does)."""
    holding = [(s, e) for s, e in runs if s <= start and end <= e]
    return max(holding, key=lambda r: r[1] - r[0]) if holding else (start, end)


def in_name(doc: Doc, start: int, end: int, runs: list[tuple[int, int]], honorifics: frozenset[str]) -> bool:
    """Whether tokens [start, end) name a person, so that a fuzzy country guess is none: they lie
    inside a person's name, follow an honorific ("Mr Brunel"), or are the surname of a person named
    in full elsewhere in the text ("Isambard Brunel … Brunel said")."""
    if any(s <= start and end <= e for s, e in runs):
        return True
    if start > 0 and doc[start - 1].lower_ in honorifics:
        return True
    surnames = {doc[e - 1].lower_ for s, e in runs if e - s > 1}
    return end - start == 1 and doc[start].lower_ in surnames
