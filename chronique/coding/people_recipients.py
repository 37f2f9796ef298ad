"""A recipient the parse names by a common noun for people ("a tué un homme", "a rendu hommage à son
prédécesseur", "shot the attacker", "l'assaillant a été abattu par la police").

Read on fr-wikinews-train (train): of the gold events whose actor the rule coder found but whose
recipient it left out, many have the recipient in the parse's object slot, named by a noun no actor
dictionary lists (a man, a community, a predecessor, the attacker). Such a noun (data:
``group_nouns.csv``) in the direct object, the passive subject, a recipient oblique of the trigger
("à", "contre", "with", "against"), or a recipient complement of a trigger noun ("son soutien à la
communauté") is the recipient: the country in focus of its sentence (as unlisted bodies and people
take it) with the noun's sector, or UNK for an unnamed attacker; a possessive makes some of them the
doer's own people ("mobilised its men"), no recipient. It only fills a recipient the
parse left empty, before the proximity guess (chronique.coding.fallback); it makes no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.annotations.records import ActorMention
from chronique.coding.mentions import MentionIndex
from chronique.coding.role_parse import (
    DIRECT_OBJECT,
    OBLIQUE,
    arguments,
    case_of,
    is_passive,
    passive_subject_dep,
)
from chronique.coding.unlisted import home_country
from chronique.knowledge.function_words import FunctionWords
from chronique.knowledge.group_nouns import UNKNOWN, PeopleNoun, group_nouns

# the object slots of a verb that name who undergoes the act (not "attr": "he is a man" names no one)
OBJECT_SLOTS = DIRECT_OBJECT | frozenset({"iobj", "dative", "obl:arg"})
NAME_RIGHT = frozenset({"amod", "flat", "flat:name", "compound", "nummod"})
LEADING = frozenset({"case", "mark", "punct", "cc"})


def _slots(head: Token, trigger: list[Token], words: FunctionWords) -> list[Token]:
    """Argument heads that can name the recipient of the act ``head`` heads, in order."""
    out: list[Token] = []
    if head.pos_ in ("NOUN", "PROPN"):
        # a trigger noun's recipient complement: "soutien à X", "talks with X" ("de"/"of" is its doer)
        cases = words.recipient_cases - words.source_cases_noun
        return [c for c in arguments(head) if c.dep_ in OBLIQUE and case_of(c) in cases]
    if is_passive(head, words.reflexive_clitics):
        out += [c for c in head.children if passive_subject_dep(c)]
    for tok in trigger:  # "rendre hommage à X": the oblique may hang on any word of the trigger
        for c in arguments(tok):
            if c.dep_ in OBJECT_SLOTS or (c.dep_ in OBLIQUE and case_of(c) in words.recipient_cases):
                out.append(c)
    return out


def _people_noun(tok: Token, nouns: dict[str, PeopleNoun]) -> tuple[Token, PeopleNoun] | None:
    """The people noun ``tok`` is, or that its partitive complement is ("un des assaillants")."""
    if tok.pos_ == "NOUN":
        found = nouns.get(tok.lower_) or nouns.get(tok.lemma_.lower())
        return (tok, found) if found else None
    if tok.pos_ in ("NUM", "PRON"):
        for c in arguments(tok):
            if c.pos_ == "NOUN" and c.dep_ in OBLIQUE:
                found = nouns.get(c.lower_) or nouns.get(c.lemma_.lower())
                if found:
                    return c, found
    return None


def _possessed(noun: Token) -> bool:
    return any(c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "det" and "Poss=Yes" in str(c.morph))
               for c in noun.children)


def _mention(slot: Token, noun: Token, kind: PeopleNoun, index: MentionIndex) -> ActorMention:
    doc = slot.doc
    left = slot.left_edge.i
    while left < slot.i and doc[left].dep_ in LEADING:
        left += 1
    right = max([noun.i] + [c.right_edge.i for c in noun.rights if c.dep_ in NAME_RIGHT])
    span = doc[left:right + 1]
    code = UNKNOWN if kind.code == UNKNOWN else home_country(doc, span.start_char, index.places, index.foci)
    mention: ActorMention = {"text": span.text, "start": span.start_char, "end": span.end_char, "name": span.text,
                             "code": code, "sector": kind.sector, "kind": "group", "_unlisted": True,
                             "_tokens": [span.start, span.end]}
    if kind.code != UNKNOWN and code:
        mention["_focus"] = True  # the country is the context's, never the state's own
    return mention


def people_recipients(head: Token, trigger: list[Token], index: MentionIndex, words: FunctionWords,
                      lang: str) -> list[ActorMention]:
    """The people a parse slot of the trigger names by a common noun, with their coordinated peers
    ("un homme et une femme"); [] when no slot holds one or a slot names a party or a place."""
    nouns = group_nouns(lang)
    if not nouns:
        return []
    for slot in _slots(head, trigger, words):
        if index.actors_under(slot) or index.place_under(slot) is not None:
            continue
        found = _people_noun(slot, nouns)
        if found is None:
            continue
        noun, kind = found
        if kind.own and _possessed(noun):
            continue  # "mobilised its men", "ses partisans": the doer's own people
        out = [_mention(slot, noun, kind, index)]
        for peer in noun.conjuncts:
            more = _people_noun(peer, nouns) if peer.i > noun.i else None
            if more is not None and not index.actors_under(peer):
                out.append(_mention(peer, more[0], more[1], index))
        return out
    return []
