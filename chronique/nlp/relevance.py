"""The relevance gate: an article with no political or security content yields no events.

A sentence is political when it holds a cue word (``data/<lang>/topic_words.yaml``; a weak cue
such as "officer" or "policy" needs a second cue beside it) or names an actor of a political
sector (government, military, police, courts, rebels…) by a role, a person or an organisation (a
bare country name is not enough: "Oman hopes to attract companies"); it is off-topic when, not
political, it holds a word of a news site's other sections (shares, league, album, recipe,
smartphone…). An article passes the gate when enough of its sentences are political and they
outnumber its off-topic ones (``data/relevance.yaml``). Sport results, product reviews, recipes
and weather reports fail it, so the coder's readings of "attack", "strike" or "rally" in them
never become events. Thresholds set on ../shared/eval/train and the judged pages' look split.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from chronique.annotations.records import EventParty, EventRecord, RelevanceRecord
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


def _cues_in(sent: Span, words: frozenset[str]) -> set[str]:
    return {w for t in sent for w in (t.lemma_.lower(), t.lower_) if w in words}


def political_sentence(sent: Span, words: frozenset[str], weak: frozenset[str] = frozenset()) -> bool:
    """Whether ``sent`` holds a cue word: one that is not weak, or two different weak ones."""
    found = _cues_in(sent, words)
    return bool(found - weak) or len(found) >= 2


def _story_sentences(doc: Doc) -> list[Span]:
    return [s for s in doc.sents if sum(not t.is_punct and not t.is_space for t in s) >= MIN_SENTENCE_TOKENS]


def topic_counts(doc: Doc, cues: RelevanceCues, lang: str) -> tuple[int, int, int]:
    """(political sentences, off-topic sentences, sentences) of the doc; a sentence with a political
    cue is political whatever else it holds."""
    words, weak, off = cues.words_of(lang), cues.weak_of(lang), cues.off_topic_of(lang)
    by_actor = _political_starts(doc, cues)
    political = off_topic = 0
    sentences = _story_sentences(doc)
    for sent in sentences:
        if sent.start_char in by_actor or political_sentence(sent, words, weak):
            political += 1
        elif off and _cues_in(sent, off):
            off_topic += 1
    return political, off_topic, len(sentences)


def political_share(doc: Doc, cues: RelevanceCues, lang: str) -> tuple[int, int]:
    """(political sentences, sentences) of the doc."""
    political, _, total = topic_counts(doc, cues, lang)
    return political, total


def assess(doc: Doc, cues: RelevanceCues, lang: str) -> RelevanceRecord:
    """The article's relevance: its political and off-topic sentences, the political share (the
    score) and the decision. An article passes with enough political sentences that outnumber its
    off-topic ones: a concert review naming a mayor, a tech survey quoting a minister do not. A text
    of fewer sentences than an article (a statement, one sentence to code) is not judged: one
    sentence with a word of another section may still tell a political act ("X agreed to lift a ban
    on imports of farm products", "the strikers accepted the formula": plv-train)."""
    political, off_topic, total = topic_counts(doc, cues, lang)
    score = round(political / total, 4) if total else 0.0
    gated = total >= cues.min_article_sentences
    relevant = not gated or (political >= cues.min_sentences and score >= cues.min_share
                             and political >= cues.min_topic_ratio * off_topic)
    return {"political": political, "off_topic": off_topic, "sentences": total, "score": score,
            "relevant": relevant, "gated": gated}


def is_relevant(doc: Doc, cues: RelevanceCues, lang: str) -> bool:
    return assess(doc, cues, lang)["relevant"]


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


def _off_topic_event(doc: Doc, event: EventRecord, cues: RelevanceCues, lang: str, by_actor: set[int]) -> bool:
    """An event told in an off-topic sentence: a word of another section, no political cue and no
    political actor ("Norland's attack tore through the defence", "the firm battled rivals"), whatever
    its parties: a coded country beating another at football is no political act."""
    off = cues.off_topic_of(lang)
    info = event.get("text_info")
    if not off or not info:
        return False
    span = doc.char_span(int(info.get("start", 0)), int(info.get("end", 0)), alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = span[0].sent
    return (sent.start_char not in by_actor and bool(_cues_in(sent, off))
            and not political_sentence(sent, cues.words_of(lang), cues.weak_of(lang)))


def gate(doc: Doc, events: list[EventRecord], cues: RelevanceCues, lang: str,
         relevance: RelevanceRecord | None = None) -> list[EventRecord]:
    """``events`` when the article has political content, else none; in an article, an event told
    in an off-topic sentence is dropped, and so is one with neither a political party nor a
    political sentence. A text shorter than an article is coded as given. ``relevance``: the
    article's assessment, when already made."""
    if not events:
        return events
    relevance = relevance or assess(doc, cues, lang)
    if not relevance["gated"]:
        return events
    if not relevance["relevant"]:
        return []
    by_actor = _political_starts(doc, cues)
    return [e for e in events
            if not _off_topic_event(doc, e, cues, lang, by_actor) and _political_event(doc, e, cues, lang)]
