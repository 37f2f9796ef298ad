"""What the role finders share: dependency-label sets (French UD and English ClearNLP), the
Roles record, and small readings of a token's case, arguments and voice. The function words
(prepositions, clitics) are data: ``lexicon.words`` (chronique.knowledge.function_words)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Token

from chronique.annotations.records import ActorMention, PlaceMention

SUBJECT = frozenset({"nsubj", "csubj", "expl:subj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass", "csubjpass"})
AGENT = frozenset({"obl:agent", "agent"})
OBJECT = frozenset({"obj", "dobj", "iobj", "dative", "obl:arg", "attr", "oprd"})
DIRECT_OBJECT = frozenset({"obj", "dobj"})
OBLIQUE = frozenset({"obl", "obl:mod", "nmod", "prep", "pobj", "dep"})
INHERITS = frozenset({"xcomp", "advcl", "acl", "conj", "acl:relcl", "relcl", "acomp"})
NOUN_COMPLEMENTS = frozenset({"nmod", "pobj", "prep"})  # a noun's complement, and the English preposition
PLACE_ENTS = frozenset({"LOC", "GPE", "FAC"})
SEARCH_BACK_CHARS = 800  # how far back a pronoun looks for its antecedent
# Conflict acts (CAMEO 17 coerce to 20 mass violence): the "de"/"of" complement of such a noun is
# its doer only when it is a party that can wield force; otherwise it is what the act hits.
CONFLICT_ROOTS = frozenset({"17", "18", "19", "20"})
CONFLICT_EVENTS = frozenset({"ASSAULT", "COERCE"})
ARMED_OR_STATE_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY", "GOV"})


@dataclass
class Roles:
    sources: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    target_place: PlaceMention | None = None
    source_parsed: bool = False
    target_parsed: bool = False
    place_object: bool = False  # the object is a place (for triggers that need one)
    place_direct: bool = False  # the direct object (or passive subject) is a place, not an oblique
    topics: frozenset[int] = frozenset()  # tokens of phrases of topic: no recipient there (coding/topic_phrases.py)


def case_of(tok: Token) -> str:
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return c.lower_
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return tok.head.lower_
    return ""


def arguments(tok: Token) -> list[Token]:
    """Argument heads of ``tok``; an English preposition is replaced by its object."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
            if c.dep_ == "agent":
                continue
        out.append(c)
    return out


def mislabelled_passive(tok: Token) -> bool:
    """A UD passive subject on a verb with no passive auxiliary: the French model labels the subject
    of many passés composés with "avoir" ("X a accusé Y") nsubj:pass; it is the doer."""
    return tok.dep_ == "nsubj:pass" and not any(c.dep_ == "aux:pass" for c in tok.head.children)


def subject_dep(tok: Token) -> bool:
    return tok.dep_ in SUBJECT or mislabelled_passive(tok)


def passive_subject_dep(tok: Token) -> bool:
    return tok.dep_ in PASSIVE_SUBJECT and not mislabelled_passive(tok)


def is_passive(verb: Token, reflexive: AbstractSet[str]) -> bool:
    """Passive voice, or a bare participle with an agent ("le résumé fourni par le ministère"). A
    French pronominal verb ("se sont rassemblés", "s'est emparée de": one of the ``reflexive``
    clitics) is active whatever label its "être" gets: its subject does the act."""
    if any(c.dep_.startswith("expl") and c.lower_ in reflexive for c in verb.children):
        return False
    return any(passive_subject_dep(c) or c.dep_ in ("aux:pass", "auxpass") for c in verb.children) or (
        "VerbForm=Part" in str(verb.morph) and verb.dep_ in ("acl", "amod")
        and any(c.dep_ in AGENT for c in verb.children))
