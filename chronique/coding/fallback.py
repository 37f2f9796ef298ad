"""The recipient when the parse names none: the nearest coded actor on the object side of the
trigger, with the checks that keep the guess from taking a party of another act or a place."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import ActorMention
from chronique.coding.mentions import MentionIndex, code_key, is_root
from chronique.coding.own_forces import instruments
from chronique.coding.role_parse import AGENT, PASSIVE_SUBJECT, SUBJECT, case_of
from chronique.coding.topic_phrases import in_topic


def _span_head(doc: Doc, first: int, end: int) -> Token:
    """The token of ``doc[first:end]`` whose head lies outside it (the phrase's syntactic head)."""
    for tok in doc[first:end]:
        if not first <= tok.head.i < end or is_root(tok):
            return tok
    return doc[first]


def _governed(head: Token, tok: Token) -> bool:
    """``tok`` lies in a clause ``head`` governs; a clause set beside it (after a colon, a
    semicolon) or coordinated with it is not governed."""
    cur = tok
    for _ in range(len(tok.doc)):  # bounded: a corrupt tree may hold a cycle
        if is_root(cur) or cur.i == head.i:
            break
        if cur.dep_ in ("parataxis", "conj"):
            return False
        cur = cur.head
    return cur.i == head.i


class TargetFallback:
    """The recipient when the parse names none: the nearest coded actor on the object side of the
    trigger, inside the trigger's clause first, else in the rest of the sentence.

    Skipped on the way: the source itself, a place named as a location ("en Afghanistan"), and the
    subject of another verb (the actor of a different act).
    """

    def __init__(self, index: MentionIndex, where_cases: AbstractSet[str]) -> None:
        self.index = index
        self.where_cases = where_cases  # "à Tombouctou", "en Afghanistan": a place that says where

    def find(self, head: Token, after: int, sources: list[ActorMention], sent: Span, event: str = "",
             topics: AbstractSet[int] = frozenset()) -> tuple[list[ActorMention], bool]:
        """(targets, found inside the clause); ``after`` is the token index past the trigger, ``event``
        the act's PLOVER class, ``topics`` the tokens of what the act is about (no party there)."""
        # a guess never takes a party of the source's own code, an unlisted body included: on train,
        # such guesses were mostly the source's own side ("withdraw its troops") or a thing it acts on;
        # nor a bare force word an act that moves force moves (chronique.coding.own_forces)
        taken = {code_key(a) for a in sources}
        moved = instruments(self.index.actors_in(after, sent.end), event=event)
        candidates = [a for a in self.index.actors_in(after, sent.end)
                      if a.get("code") and code_key(a) not in taken and not self._acts_elsewhere(a, head)
                      and all(a is not m for m in moved) and not in_topic(self.index.doc, a, topics)]
        if not candidates:
            return [], False
        verb = next((t for t in (head, *head.ancestors) if t.pos_ in ("VERB", "AUX")), None)
        clause = {t.i for t in verb.subtree} if verb is not None else set(range(sent.start, sent.end))
        # nearest first, but a party named as such before a country named as the place of the act
        ranked = sorted(candidates, key=lambda a: (self._first_token(a) not in clause, self._located(a)))
        chosen = ranked[0]
        return self._with_conjuncts([chosen, *(a for a in candidates if a is not chosen)], head.doc), \
            self._first_token(chosen) in clause

    def _first_token(self, actor: ActorMention) -> int:
        tokens = actor.get("_tokens")
        if tokens:
            return int(tokens[0])
        span = self.index.doc.char_span(int(actor["start"]), int(actor["end"]), alignment_mode="expand")
        return span.start if span is not None else -1

    def _span(self, actor: ActorMention) -> Span | None:
        return self.index.doc.char_span(int(actor["start"]), int(actor["end"]), alignment_mode="expand")

    def _acts_elsewhere(self, actor: ActorMention, trigger: Token) -> bool:
        """The subject or agent of a verb outside the trigger's reach acts in its own event ("X attacked
        Y and Z retaliated"); the subject of a clause the trigger governs is its addressee ("demanded
        that Z …")."""
        span = self._span(actor)
        if span is None:
            return True
        top = _span_head(self.index.doc, span.start, span.end)
        if top.dep_ not in SUBJECT | PASSIVE_SUBJECT | AGENT or top.head.i == trigger.i:
            return False
        return not _governed(trigger, top.head)

    def _located(self, actor: ActorMention) -> bool:
        """A country named as where the act happens ("in Montenegro"), not as a party to it."""
        span = self._span(actor)
        if span is None or actor.get("_metonymy"):
            return False
        top = _span_head(self.index.doc, span.start, span.end)
        return any(i in self.index.place_at for i in range(span.start, span.end)) and case_of(top) in self.where_cases

    def _with_conjuncts(self, after: list[ActorMention], doc: Doc) -> list[ActorMention]:
        """The first actor and those coordinated with it ("lituaniens et polonais")."""
        first = after[0]
        span = doc.char_span(int(first["start"]), int(first["end"]), alignment_mode="expand")
        if span is None:
            return [first]
        conj = {t.i for tok in span for t in tok.conjuncts}
        return [first] + [a for a in after[1:] if self._first_token(a) in conj]
