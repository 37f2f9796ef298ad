"""Pronoun parties ("he", "they", "il", "elles", "sa") resolved to an antecedent mention when the
evidence agrees, else kept as an uncoded party (nothing is invented).

A small resolver, no coreference model (none ships offline with the parsers): the candidates are the
actor mentions before the pronoun, within reach (SEARCH_BACK_CHARS, which spans the same and the
previous sentences); a candidate must agree with the pronoun in person (a person, or anything but
one: pronoun_words.yaml), in number and, in French, in gender where the parser marks them on the
mention's head. The nearest agreeing subject wins ("X met Y. He…": X); with no agreeing subject,
the one agreeing party of the reach, if there is only one; "il"/"he" look among the agreeing
people first (function_words' person pronouns), as news copy mostly uses them for people. A plural
pronoun takes a coordinated subject whole ("France and Germany signed… They…"). The resolved party
keeps the pronoun's words and offsets as its evidence when the antecedent lies in an earlier sentence
(chronique.coding.roles), and the antecedent's code, sector and name (``_antecedent`` its span).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import ActorMention
from chronique.coding.mentions import MentionIndex, party_key
from chronique.coding.role_parse import PASSIVE_SUBJECT, SEARCH_BACK_CHARS, SUBJECT
from chronique.knowledge.pronoun_words import PronounWords, pronoun_words

PERSON_ENTS = frozenset({"PERSON", "PER"})
PRONOUN_KIND = "pronoun"


def _span(doc: Doc, actor: ActorMention) -> Span | None:
    return doc.char_span(int(actor["start"]), int(actor["end"]), alignment_mode="expand")


def is_person(doc: Doc, actor: ActorMention) -> bool:
    if actor.get("kind") == "person":
        return True
    span = _span(doc, actor) if actor.get("kind") == "entity" else None
    return span is not None and span.root.ent_type_ in PERSON_ENTS


def _feature(span: Span, name: str) -> str | None:
    """A morphological feature of the mention's head, else of its determiner."""
    root = span.root
    for tok in [root, *(c for c in root.children if c.dep_ == "det")]:
        value = tok.morph.get(name, [])
        if value:
            return str(value[0])
    if name == "Number" and root.tag_ in ("NNS", "NNPS"):
        return "Plur"
    return None


class PronounResolver:
    """Resolves pronoun tokens of one Doc against its mention index."""

    def __init__(self, index: MentionIndex, lang: str, prefer_person: frozenset[str] = frozenset()) -> None:
        self.index = index
        self.doc = index.doc
        self.lang = lang
        self.words: PronounWords = pronoun_words(lang)
        # pronouns that news copy mostly gives people ("il", "he"): an agreeing person in reach wins
        self.prefer_person = prefer_person

    def agrees(self, pronoun: Token, actor: ActorMention, group: bool) -> bool:
        """``actor`` (one party, or the first of a coordinated ``group``) can be what ``pronoun`` stands for."""
        w, words = pronoun.lower_.strip("-"), self.words
        person = is_person(self.doc, actor)
        span = _span(self.doc, actor)
        number = _feature(span, "Number") if span is not None else None
        gender = _feature(span, "Gender") if span is not None and self.lang == "fr" else None
        if w in words.person and (group or not person):
            return False
        if w in words.nonperson and (group or person):
            return False
        if w in words.singular and (group or number == "Plur"):
            return False
        if w in words.plural and not group and (person or (number == "Sing" and self.lang == "fr")):
            return False
        if self.lang == "fr" and not group and gender is not None and not person:
            return not ((w in words.feminine and gender == "Masc") or (w in words.masculine and gender == "Fem"))
        return True

    def group(self, actor: ActorMention) -> list[ActorMention]:
        """The coordinated parties ``actor`` belongs to ("la France et l'Allemagne"), or itself."""
        span = _span(self.doc, actor)
        if span is None:
            return [actor]
        top = span.root
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        members: list[ActorMention] = []
        queue = [top]
        while queue:
            tok = queue.pop(0)
            found = self.index.actor(tok)
            if found is not None and all(found is not m for m in members):
                members.append(found)
            queue += [c for c in tok.children if c.dep_ == "conj"]
        return members if len(members) > 1 and any(m is actor for m in members) else [actor]

    @staticmethod
    def _is_subject(span: Span) -> bool:
        return any(t.dep_ in SUBJECT | PASSIVE_SUBJECT or t.head.dep_ in SUBJECT for t in span)

    def antecedent(self, pronoun: Token) -> list[ActorMention]:
        """The parties ``pronoun`` stands for, or [] when the text does not say unambiguously."""
        before = sorted((a for a in self.index.actors
                         if pronoun.idx - SEARCH_BACK_CHARS <= int(a["start"]) < pronoun.idx),
                        key=lambda a: int(a["start"]))
        if pronoun.lower_.strip("-") in self.prefer_person:
            people = [a for a in before if is_person(self.doc, a) and self.agrees(pronoun, a, False)]
            before = people or before
        loose: dict[str, list[ActorMention]] = {}
        for actor in reversed(before):
            members = self.group(actor)
            fits = self.agrees(pronoun, members[0] if len(members) > 1 else actor, len(members) > 1)
            if not fits:
                continue
            span = _span(self.doc, actor)
            if span is not None and self._is_subject(span):
                return members
            loose.setdefault("|".join(sorted(party_key(m) for m in members)), members)
        return next(iter(loose.values())) if len(loose) == 1 else []

    def agrees_with(self, pronoun: Token, actor: ActorMention) -> bool:
        members = self.group(actor)
        return self.agrees(pronoun, members[0] if len(members) > 1 else actor, len(members) > 1)


def as_pronoun(pronoun: Token, antecedent: ActorMention) -> ActorMention:
    """The antecedent's party, with the pronoun's own words and offsets as its evidence."""
    return {**antecedent, "text": pronoun.text, "start": pronoun.idx, "end": pronoun.idx + len(pronoun.text),
            "name": antecedent.get("name") or antecedent.get("text"), "_pronoun": True,
            "_antecedent": [int(antecedent["start"]), int(antecedent["end"])], "_tokens": [pronoun.i, pronoun.i + 1]}


def unresolved(pronoun: Token) -> ActorMention:
    """A pronoun party no antecedent could be found for: uncoded, with its own words."""
    return {"text": pronoun.text, "start": pronoun.idx, "end": pronoun.idx + len(pronoun.text), "name": None,
            "code": None, "sector": None, "kind": PRONOUN_KIND, "_pronoun": True, "_unresolved": True,
            "_tokens": [pronoun.i, pronoun.i + 1]}
