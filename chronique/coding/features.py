"""Features of an event candidate (one rule-coder event dict) for the trained coder.

The rule coder proposes candidates: a trigger, a clause, an actor and a recipient. The trained coder
decides whether each is an event of the text and of which PLOVER class, from what the candidate and
its sentence look like: the rules' proposed class and CAMEO code (omitted for the "no rules" model),
the trigger and the clause's content lemmas, how the parties were found (coded or not, a pronoun or
not, their sector, their place in the parse), how many rivals the candidate has in its sentence, and
where the act is told (inside a quotation, the sentence's place in the article and its length). Features are
strings, so the same function serves training and coding, and the weights file names them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from chronique.annotations.records import EventParty, EventRecord
from chronique.coding.vector_clusters import Clusters
from chronique.knowledge.function_words import words_of

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
RULE_PREFIXES = ("rule:", "cameo:", "cameo2:", "trig+rule:", "rmode:")
PASSIVE_DEPS = frozenset({"aux:pass", "nsubj:pass", "auxpass", "nsubjpass", "obl:agent", "agent"})


def _head_features(head: Token, lang: str, clusters: Clusters | None) -> list[str]:
    """What the trigger word itself says beyond the lexicon: its lemma, voice, negation, modal verb,
    and the cluster of its word vector (shared by words of like meaning)."""
    kids = list(head.children)
    deps = {c.dep_ for c in kids}
    lemmas = {c.lemma_.lower() for c in kids}
    words = words_of()  # negations and modal verbs of every language, as names and quotes cross them
    out = [f"hl:{lang}:{head.lemma_.lower()}", f"voice:{'passive' if deps & PASSIVE_DEPS else 'active'}",
           f"neg:{bool(lemmas & words.negations) or 'neg' in deps}",
           f"modal:{next(iter(sorted(lemmas & words.modal_lemmas)), '-')}", f"head_up:{head.head.pos_}|{head.dep_}"]
    cluster = clusters.of(head) if clusters is not None else None
    if cluster is not None:
        out += [f"vc:{cluster}", f"vc+pos:{cluster}|{head.pos_}"]
    return out


def _token_at(doc: Doc, char: Any) -> Token | None:
    if not isinstance(char, int) or not 0 <= char < len(doc.text):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _party(doc: Doc, prefix: str, party: EventParty | None, head: Token | None,
           sent: tuple[int, int]) -> list[str]:
    if not party:
        return [f"{prefix}:none"]
    out = [f"{prefix}_coded:{bool(party.get('code'))}", f"{prefix}_sec:{party.get('sector') or '-'}"]
    start = party.get("start")
    if not isinstance(start, int):
        return [*out, f"{prefix}_at:nowhere"]
    out.append(f"{prefix}_in_sent:{sent[0] <= start < sent[1]}")
    tok = _token_at(doc, start)
    if tok is not None:  # a pronoun party is only as good as its antecedent, which the rules guess
        out.append(f"{prefix}_pron:{tok.pos_ == 'PRON'}")
    if tok is not None and head is not None:
        out.append(f"{prefix}_side:{'before' if tok.i < head.i else 'after'}")
        out.append(f"{prefix}_far:{min(abs(tok.i - head.i) // 3, 4)}")
        # the mention's own relation, and whether it hangs off the trigger itself
        root = tok
        while root.head.i != root.i and root.head.i != head.i and root.dep_ in ("compound", "amod", "det", "flat",
                                                                                  "flat:name", "nmod", "case"):
            root = root.head
        out.append(f"{prefix}_dep:{root.dep_}")
        out.append(f"{prefix}_of_trigger:{root.head.i == head.i}")
    return out


OPENING_QUOTES, CLOSING_QUOTES = frozenset("“«‘"), frozenset("”»’")


def in_quote(text: str, start: int, at: int) -> bool:
    """Whether position ``at`` lies inside a quotation opened after ``start`` (curly, guillemet or
    straight quotes): a quoted act is someone's words, often a claim or a promise, not the report's."""
    before = text[start:at]
    curly = sum(c in OPENING_QUOTES for c in before) - sum(c in CLOSING_QUOTES for c in before)
    return curly > 0 or before.count('"') % 2 == 1


def position_bucket(sequence: int) -> str:
    """The sentence's place in the article: the lead tells the news, the tail background and asides."""
    return "1" if sequence <= 1 else "2-3" if sequence <= 3 else "4-10" if sequence <= 10 else "11+"


@dataclass
class _Shared:
    """What the readings of one Doc share, worked out once (the readings are many with open
    candidates: per reading, this would be quadratic): the rules' own readings per sentence and the
    content words per clause."""

    own: dict[int, list[EventRecord]]
    words: dict[tuple[int, int], list[str]] = field(default_factory=dict)


def _shared(events: list[EventRecord]) -> _Shared:
    own: dict[int, list[EventRecord]] = {}
    for x in events:
        if x.get("_own_actor", True) and x.get("_own_recipient", True):
            own.setdefault(int(x["text_info"]["sequence"]), []).append(x)
    return _Shared(own)


def _clause_words(doc: Doc, clause: tuple[int, int], shared: _Shared) -> list[str]:
    if clause not in shared.words:
        lang = str(doc.lang_)
        span = doc.char_span(clause[0], clause[1], alignment_mode="expand") or ()
        shared.words[clause] = sorted({f"w:{lang}:{t.lemma_.lower()}" for t in span
                                       if t.pos_ in CONTENT_POS and t.is_alpha})
    return shared.words[clause]


def feature_rows(doc: Doc, events: list[EventRecord], *, rules: bool = True,
                 clusters: Clusters | None = None) -> list[list[str]]:
    """The feature strings of every candidate of ``events`` (linear in their number)."""
    shared = _shared(events)
    return [candidate_features(doc, events, i, rules=rules, clusters=clusters, shared=shared)
            for i in range(len(events))]


def candidate_features(doc: Doc, events: list[EventRecord], index: int, *, rules: bool = True,
                       clusters: Clusters | None = None, shared: _Shared | None = None) -> list[str]:
    """The feature strings of ``events[index]`` among the candidates ``events`` of ``doc``."""
    shared = shared or _shared(events)
    e = events[index]
    sent = (int(e["text_info"]["start"]), int(e["text_info"]["end"]))
    trigger = e.get("_trigger") or [sent[0], sent[0]]
    head = _token_at(doc, trigger[0])
    lemma = str(e.get("_lemma") or "")
    lang = str(doc.lang_)
    out = [f"lang:{lang}", f"trig:{lang}:{lemma}", f"mod:{e.get('modality') or '-'}",
           f"speaker:{e.get('speaker') is not None}", f"conf:{round(float(e.get('confidence') or 0.0), 1)}",
           f"open:{bool(e.get('_open'))}", f"quote:{in_quote(doc.text, sent[0], int(trigger[0]))}",
           f"sent_pos:{position_bucket(int(e['text_info']['sequence']))}",
           f"sent_len:{min((sent[1] - sent[0]) // 100, 4)}"]
    if rules:
        code = str(e.get("cameo") or "")
        out += [f"rule:{e['event']}", f"cameo:{code}", f"cameo2:{code[:2]}", f"trig+rule:{lemma}|{e['event']}",
                f"rmode:{e['event']}|{e.get('mode') or '-'}"]
    if head is not None:
        tense = ",".join(head.morph.get("Tense", [])) or "-"
        out += [f"head_dep:{head.dep_}", f"head_pos:{head.pos_}", f"tense:{tense}",
                *_head_features(head, lang, clusters)]
    out += _party(doc, "a", e.get("actor"), head, sent)
    out += _party(doc, "r", e.get("recipient"), head, sent)
    actor, recipient = e.get("actor") or {}, e.get("recipient") or {}
    out.append(f"same_code:{bool(actor.get('code')) and actor.get('code') == recipient.get('code')}")
    own = shared.own.get(int(e["text_info"]["sequence"]), [])  # the rules' own readings of the sentence
    rank = sum(1 for x in own if float(x.get("confidence") or 0.0) > float(e.get("confidence") or 0.0))
    same_trigger = Counter(tuple(x.get("_trigger") or ()) for x in own)[tuple(trigger)]
    own_a, own_r = bool(e.get("_own_actor", True)), bool(e.get("_own_recipient", True))
    out += [f"rivals:{min(len(own), 4)}", f"rank:{min(rank, 3)}", f"same_trigger:{min(same_trigger, 3)}",
            f"own:{own_a}|{own_r}", f"own_a_sec:{own_a}|{actor.get('sector') or '-'}",
            f"own_r_sec:{own_r}|{recipient.get('sector') or '-'}"]
    clause = e.get("_clause") or sent
    return out + _clause_words(doc, (int(clause[0]), int(clause[1])), shared)
