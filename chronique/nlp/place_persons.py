"""Words of a person's name read as places: "Georgia Stevens … Georgia said", "Jon Tester … gave
money to Tester".

News names a person in full first, then by one name. A word of a full name written earlier, read
alone, is that person, unless a locative stands before it and the gazetteer knows the word ("in
Georgia" stays the state). A word the gazetteer knows no place by is the person even after a
locative: "to Tester" is the senator, there being no Tester to resolve.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from chronique.knowledge.function_words import words_of
from chronique.nlp.place_evidence import load_place_evidence


def person_name_part(span: Span, persons: list[Span], lang: str, known: Callable[[str], bool]) -> bool:
    """``span`` is a word (or words) of a person's full name among ``persons`` written before it."""
    locatives = load_place_evidence().locatives.get(span.doc._.ch_lang or lang, frozenset())
    if span.start > 0 and span.doc[span.start - 1].lower_ in locatives and known(span.text):
        return False
    words = span.text.split()
    return any(p.end_char <= span.start_char and len(p.text.split()) > len(words)
               and _holds_words(p.text.split(), words) and reads_as_person(p, lang) for p in persons)


def reads_as_person(name: Span, lang: str) -> bool:
    """A person's name as the parser found it: capitalised words only ("Cornwall Fire and" is
    none), no place noun ("Village Malakal" is none), no locative before it."""
    heads = words_of(lang).place_heads
    locatives = load_place_evidence().locatives.get(name.doc._.ch_lang or lang, frozenset())
    return (all(t.text[:1].isupper() for t in name if t.is_alpha) and not any(t.lower_ in heads for t in name)
            and not (name.start > 0 and name.doc[name.start - 1].lower_ in locatives))


def _holds_words(name: list[str], words: list[str]) -> bool:
    """``words`` occur in ``name`` in a row."""
    n = len(words)
    return any(name[i:i + n] == words for i in range(len(name) - n + 1))
