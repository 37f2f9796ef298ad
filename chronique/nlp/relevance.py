"""The relevance gate: an article with no political or security content yields no events.

A sentence is political when it holds a cue word (``data/relevance.yaml``; a weak cue such as
"officer" or "policy" needs a second cue beside it) or names an actor of a political sector
(government, military, police, courts, rebels…) by a role, a person or an organisation (a bare
country name is not enough: "Oman hopes to attract companies"); an article passes the gate
when enough of its sentences are. Sport results, product reviews, recipes and weather reports
fail it, so the coder's readings of "attack", "strike" or "rally" in them never become events.
The thresholds are set on ../shared/eval/train (every article with events there passes but one).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from chronique.annotations.records import EventParty, EventRecord
from chronique.knowledge.relevance import RelevanceCues
from chronique.nlp.extensions import get_list

MIN_SENTENCE_TOKENS = 4  # shorter lines (menus, labels) are not sentences of the story


def _political_starts(doc: Doc, cues: RelevanceCues) -> set[int]:
    """Start offsets of the sentences naming an actor of a political sector (of a counted kind)."""
    if not doc.has_annotation("SENT_START"):
        return set()
    starts = [s.start_char for s in doc.sents]
    return {starts[max(0, bisect_right(starts, int(a["start"])) - 1)]
            for a in get_list(doc, "ch_actors")
            if a.get("sector") in cues.sectors and (not cues.kinds or a.get("kind") in cues.kinds)}


def political_sentence(sent: Span, words: frozenset[str], weak: frozenset[str] = frozenset()) -> bool:
    """Whether ``sent`` holds a cue word: one that is not weak, or two different weak ones."""
    found = {w for t in sent for w in (t.lemma_.lower(), t.lower_) if w in words}
    return bool(found - weak) or len(found) >= 2


def political_share(doc: Doc, cues: RelevanceCues, lang: str) -> tuple[int, int]:
    """(political sentences, sentences) of the doc."""
    words, weak = cues.words_of(lang), cues.weak_of(lang)
    by_actor = _political_starts(doc, cues)
    sentences = [s for s in doc.sents if sum(not t.is_punct and not t.is_space for t in s) >= MIN_SENTENCE_TOKENS]
    political = sum(s.start_char in by_actor or political_sentence(s, words, weak) for s in sentences)
    return political, len(sentences)


def is_relevant(doc: Doc, cues: RelevanceCues, lang: str) -> bool:
    political, total = political_share(doc, cues, lang)
    if total < cues.min_article_sentences:
        return True  # a statement or a single sentence is coded as given
    return political >= cues.min_sentences and political >= cues.min_share * total


def _identified(party: EventParty | None, sectors: frozenset[str]) -> bool:
    return party is not None and bool(party.get("code") or party.get("sector") in sectors)


def _political_event(doc: Doc, event: EventRecord, cues: RelevanceCues, lang: str) -> bool:
    """An event of a political actor (a coded country or organisation, a political sector), or one
    told in a sentence with political words; "Ms Vale agreed to an interview" is neither."""
    if any(_identified(party, cues.sectors) for party in (event.get("actor"), event.get("recipient"))):
        return True
    info = event.get("text_info")
    start, end = (int(info.get("start", 0)), int(info.get("end", 0))) if info else (0, 0)
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and political_sentence(span, cues.words_of(lang), cues.weak_of(lang))


def gate(doc: Doc, events: list[EventRecord], cues: RelevanceCues, lang: str) -> list[EventRecord]:
    """``events`` when the article has political content, else none; in an article, an event with
    neither a political party nor a political sentence is dropped too. A text shorter than an
    article is coded as given."""
    political, total = political_share(doc, cues, lang) if events else (0, 0)
    if not events or total < cues.min_article_sentences:
        return events
    if political < cues.min_sentences or political < cues.min_share * total:
        return []
    return [e for e in events if _political_event(doc, e, cues, lang)]
