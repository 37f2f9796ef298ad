"""Impersonal subjects name no one: "il faut", "il s'agit", "il y a eu des attaques", "il est
probable que", "it seems that", "it is likely that".

The pronoun resolver would look for what such a pronoun stands for and, finding nothing, leave it as
an uncoded party ("Il a fallu déployer des policiers" made "il" the doer of the deployment), or
give it the last masculine party named. The French parser's ``expl:subj`` label cannot tell: it
also marks plain subjects ("il était secrétaire de la section"). So the test is lexical and
syntactic: a subject pronoun of a verb that only takes impersonal subjects, of an existential
clitic and verb ("il y a"), or of a copula whose adjective governs a clause opened by a
subordinating word ("il est probable que", "it is important to"). Words in
``data/<lang>/pronoun_words.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.coding.role_parse import PASSIVE_SUBJECT, SUBJECT
from chronique.knowledge.pronoun_words import PronounWords

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj", "advcl", "dep"})
COPULA_DEPS = frozenset({"cop"})
PREDICATE_DEPS = frozenset({"acomp"})  # the adjective of an English copula ("is likely")


def impersonal(pronoun: Token, words: PronounWords) -> bool:
    """Whether ``pronoun`` is the impersonal subject of its verb (see the module's note)."""
    if pronoun.lower_ not in words.impersonal or pronoun.dep_ not in SUBJECT | PASSIVE_SUBJECT:
        return False
    head = pronoun.head
    if head.i == pronoun.i:
        return False
    if head.lemma_.lower() in words.impersonal_verbs:
        return True
    if _existential(head, words):
        return True
    return _impersonal_adjective(head, words)


def _existential(head: Token, words: PronounWords) -> bool:
    """ "il y a", "il y aurait eu": the clitic before its verb."""
    pairs = {tuple(pair.split()) for pair in words.existential}
    return any((c.lower_, head.lemma_.lower()) in pairs for c in head.children if c.i < head.i)


def _impersonal_adjective(head: Token, words: PronounWords) -> bool:
    """ "il est probable que…", "it is important to…": an adjective after a copula governing a
    clause that a subordinating word opens (not "il était actif pour défendre…", a person's trait)."""
    if head.pos_ == "ADJ" and any(c.dep_ in COPULA_DEPS for c in head.children):
        predicates = [head]
    else:
        predicates = [c for c in head.children if c.dep_ in PREDICATE_DEPS and c.pos_ == "ADJ"]
        if predicates:
            predicates.append(head)  # English hangs the clause on the copula
    return any(_opened_clause(c, words) for p in predicates for c in p.children)


def _opened_clause(child: Token, words: PronounWords) -> bool:
    if child.dep_ not in CLAUSE_DEPS:
        return False
    first = child.doc[child.left_edge.i]
    return first.lower_ in words.clause_marks
