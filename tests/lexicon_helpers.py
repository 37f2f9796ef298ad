"""Shared by the lexicon tests: lemma sequences written by hand go through a lexicon's matcher, and
sentences written for the tests go through the whole pipeline."""

from __future__ import annotations

from typing import Any

from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import EventLexicon, TriggerMatch

Triple = tuple[str, str | None, str | None]


def lemma_matches(lexicon: EventLexicon, lemmas: str, pos: dict[int, str] | None = None) -> list[TriggerMatch]:
    """Matches in a space-separated lemma sequence; the second word is the verb unless ``pos`` says."""
    words = lemmas.split()
    tags = [(pos or {}).get(i, "VERB" if i == 1 else "NOUN") for i in range(len(words))]
    return lexicon.match(words, words, tags)


def plover_event(match: TriggerMatch) -> str:
    """The PLOVER event a match codes: the trigger's own, else its CAMEO code's."""
    entry = load_cameo_table().plover(match.trigger.cameo)
    assert entry is not None, match.trigger.cameo
    return match.trigger.event or entry[0]


def first_coded(lexicon: EventLexicon, lemmas: str, pos: dict[int, str] | None = None) -> tuple[str, str]:
    """(PLOVER event, CAMEO code) of the first trigger in a lemma sequence; the test fails naming the
    sequence when it has none."""
    found = lemma_matches(lexicon, lemmas, pos)
    assert found, lemmas
    return plover_event(found[0]), found[0].trigger.cameo


def coded_words(lexicon: EventLexicon, lemmas: str, verbs: frozenset[str]) -> list[tuple[str, str]]:
    """(matched words, PLOVER event) of every trigger in a lemma sequence; ``verbs`` are tagged VERB."""
    words = lemmas.split()
    pos = ["VERB" if w in verbs else "NOUN" for w in words]
    return [(" ".join(m.trigger.words), plover_event(m)) for m in lexicon.match(words, words, pos)]


def top_event(pipeline: Any, text: str, lang: str, published: str) -> Any:
    """The most confident event of ``text``, or None."""
    events = pipeline.extract(text, lang=lang, published=published).events
    return max(events, key=lambda e: e.confidence) if events else None


def top_en(pipeline: Any, text: str, published: str = "2020-03-02") -> Any:
    """The most confident event of an English sentence written for a test; the test fails naming
    the sentence when it has none."""
    event = top_event(pipeline, text, "en", published)
    assert event is not None, text
    return event


def event_triples(pipeline: Any, text: str, lang: str, published: str) -> list[Triple]:
    """(event, actor code, recipient code) of every event of ``text``."""
    extraction = pipeline.extract(text, lang=lang, published=published)
    return [(e.event, e.actor and e.actor.code, e.recipient and e.recipient.code) for e in extraction.events]
