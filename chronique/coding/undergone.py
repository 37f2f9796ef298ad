"""An act named by a noun whose governing verb says who undergoes it: "Iran faces criticism from the
UN", "le Front subit l'offensive des troupes", "le Pakistan fait face à une insurrection", "ils ont
fait l'objet d'accusations", "came under attack from the rebels", "a reçu le soutien de la Russie".

The noun rules (chronique.coding.noun_roles) take the subject of the verb an act noun is the object
of as its doer ("a lancé une offensive"); for these verbs and frame nouns (data:
``undergo_words.csv``) the subject is the recipient, and the doer is only the noun's own (its
possessive, adjective, "de"/"of"/"by"/"par" complement) or a "from" phrase. Read on train (plv-train
and fr-wikinews-train): such readings came out reversed (the criticised party as the critic).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.annotations.records import ActorMention
from chronique.coding.mentions import is_root, party_key
from chronique.coding.role_parse import OBJECT, OBLIQUE, SUBJECT, Roles, arguments, case_of
from chronique.coding.roles import RoleFinder
from chronique.knowledge.undergo_words import UndergoWords, undergo_words

FRAME_SLOTS = OBJECT | OBLIQUE | frozenset({"ROOT", "root", "acomp", "xcomp"})
FROM_CASES = frozenset({"from"})  # a doer's phrase that no noun rule reads


def _governor(tok: Token) -> tuple[Token | None, str]:
    """The word ``tok`` is a complement of and its preposition (an English preposition is skipped)."""
    if is_root(tok):
        return None, ""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent") and not is_root(tok.head):
        return tok.head.head, tok.head.lower_
    return tok.head, case_of(tok)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT for c in tok.children)


def undergoing_clause(noun: Token, words: UndergoWords) -> Token | None:
    """The word whose subject undergoes the act ``noun`` names, or None when no such frame holds it."""
    gov, case = _governor(noun)
    if gov is None:
        return None
    lemma = gov.lemma_.lower()
    if gov.pos_ in ("NOUN", "ADJ") and lemma in words.frames:  # "la cible de", "the target of"
        if _has_subject(gov):
            return gov  # a copular frame: "X est la cible de …"
        verb, _ = _governor(gov)
        return verb if verb is not None and gov.dep_ in FRAME_SLOTS and verb.pos_ in ("VERB", "AUX") else None
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in words.verbs and noun.dep_ in FRAME_SLOTS | {"pobj"}:
        return gov
    governed = {c.lemma_.lower() for c in gov.children} | {case}
    return gov if any(v == lemma and w in governed for v, w in words.phrasal) else None


def undergone(head: Token, roles: Roles, finder: RoleFinder, lang: str) -> None:
    """Turn the roles of an act noun in an undergoing frame: its subject is the recipient."""
    if head.pos_ != "NOUN":
        return
    clause = undergoing_clause(head, undergo_words(lang))
    if clause is None:
        return
    undergoers, _ = finder.subject(clause)
    if not undergoers:
        return
    taken = {party_key(a) for a in undergoers}
    froms = [c for c in [*arguments(head), *arguments(clause)] if case_of(c) in FROM_CASES]
    doers: list[ActorMention] = [a for a in finder._noun_sources(head) + [x for c in froms for x in finder.resolve(c)]
                                 if party_key(a) not in taken]
    roles.sources, roles.source_parsed = doers, bool(doers)
    roles.targets, roles.target_parsed = undergoers, True
