"""Open candidates: acts the lexicon does not list, offered to the trained coder.

Half the events of the French training articles have no rule candidate in their sentence at all:
their trigger is a word the lexicon does not list. Every content verb (and event noun) of a
sentence with at least one party becomes a candidate with no class of its own ("NONE"), read with
each of the nearest parties as actor and each other one (or no one) as recipient; the trained model
decides "no event" or a PLOVER class. Bounded per sentence, so coding stays linear in the text.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from chronique.annotations.extensions import doc_text
from chronique.annotations.records import ActorMention, EventRecord
from chronique.coding.clauses import clause_bounds, clause_verb, sentence_bounds
from chronique.coding.mentions import MentionIndex, as_party, party_key
from chronique.knowledge.function_words import words_of

NO_CLASS = "NONE"
MAX_TRIGGERS = 4  # open triggers per sentence: the ones nearest a party
MAX_PARTIES = 3  # parties per open trigger, nearest first
# The light verbs and the endings of event nouns are language data (function_words.yaml).


@cache
def _noun_endings() -> tuple[str, ...]:
    return tuple(sorted(words_of().event_noun_endings))


def is_open_trigger(tok: Token) -> bool:
    """A content verb, or a noun with an event ending; not a light or auxiliary verb."""
    if not tok.is_alpha or len(tok.text) < 3 or tok.lemma_.lower() in words_of().light_verbs:
        return False
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower().endswith(_noun_endings())


def _parties(index: MentionIndex, sent: Span) -> tuple[list[ActorMention], set[int]]:
    parties = index.actors_in(sent.start, sent.end)
    inside = {i for i in range(sent.start, sent.end) if i in index.actor_at}
    return parties, inside


def _distance(doc: Doc, tok: Token, party: ActorMention) -> int:
    at = doc.char_span(int(party["start"]), int(party["start"]) + 1, alignment_mode="expand")
    return abs(at[0].i - tok.i) if at is not None and len(at) else 1000


def _base(doc: Doc, tok: Token, seq: int, sent: Span) -> EventRecord:
    s_start, s_end = sentence_bounds(sent)
    start, end = clause_bounds(clause_verb(tok), sent, (s_start, s_end))
    return {"date": None, "date_precision": "", "event": NO_CLASS, "mode": "", "context": [], "quad_code": None,
            "cameo": "", "event_loc": None, "event_text": doc_text(doc)[s_start:s_end],
            "text_info": {"sequence": seq, "start": s_start, "end": s_end}, "modality": "asserted",
            "speaker": None, "confidence": 0.3, "coder": "", "_clause": [start, end],
            "_trigger": [tok.idx, tok.idx + len(tok)], "_lemma": tok.lemma_.lower(), "_open": True,
            "_own_actor": False, "_own_recipient": False}


def _readings(base: EventRecord, near: list[ActorMention]) -> list[EventRecord]:
    out: list[EventRecord] = []
    for actor in near:
        for recipient in [None, *near]:
            if recipient is not None and party_key(recipient) == party_key(actor):
                continue
            out.append({**base, "actor": as_party(actor), "recipient": as_party(recipient) if recipient else None,
                        "_first": not out})  # the nearest party alone: the reading a trigger-only label fits
    return out


def open_readings(doc: Doc, index: MentionIndex, taken: set[int]) -> list[EventRecord]:
    """The open candidates of ``doc`` with their readings; ``taken`` holds the character offsets of
    the rule candidates' triggers (those words are the rules' already)."""
    out: list[EventRecord] = []
    for seq, sent in enumerate(doc.sents, start=1):
        parties, inside = _parties(index, sent)
        if not parties:
            continue
        words = [t for t in sent if t.i not in inside and t.idx not in taken and is_open_trigger(t)]
        dist = {t.i: min(_distance(doc, t, p) for p in parties) for t in words}
        for tok in sorted(words, key=lambda t: (dist[t.i], t.i))[:MAX_TRIGGERS]:
            near = sorted(parties, key=lambda p: _distance(doc, tok, p))[:MAX_PARTIES]
            out += _readings(_base(doc, tok, seq, sent), near)
    return out
