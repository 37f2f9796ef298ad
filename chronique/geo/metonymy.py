"""Metonymy: a capital's name standing for its government ("Moscou a demandé", "le patron de
Minsk", "demander à Moscou"). Such a mention is a place of role "metonymy", never an event location.

The check is syntactic (the dependency parse), with the cue words as data (metonymy_cues.csv).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib.resources import files

from spacy.tokens import Span

from chronique.errors import KnowledgeError

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "dative", "pobj"})
NOUN_DEPS = frozenset({"nmod", "poss", "compound", "nmod:poss"})
KINDS = ("subject_verb", "object_verb", "head_noun")


@dataclass(frozen=True)
class MetonymyCues:
    subject_verbs: frozenset[str] = field(default_factory=frozenset)
    object_verbs: frozenset[str] = field(default_factory=frozenset)
    head_nouns: frozenset[str] = field(default_factory=frozenset)


def load_metonymy_cues(lang: str) -> MetonymyCues:
    name = "metonymy_cues.csv"
    text = files("chronique.knowledge.data").joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    by_kind: dict[str, set[str]] = {k: set() for k in KINDS}
    for number, row in enumerate(rows, start=1):
        if row.get("kind") not in by_kind:
            raise KnowledgeError(f"expected a kind among {KINDS}, found {row.get('kind')!r}", where=name,
                                 record=number)
        if row["lang"] == lang:
            by_kind[row["kind"]].add(row["lemma"])
    return MetonymyCues(frozenset(by_kind["subject_verb"]), frozenset(by_kind["object_verb"]),
                        frozenset(by_kind["head_noun"]))


def _lemma(token_lemma: str, token_text: str) -> str:
    return (token_lemma or token_text).lower()


def _verb_forms(lemma: str) -> set[str]:
    """The lemma and, when the lemmatiser left an inflected French verb ("demande"), the
    infinitives it may come from (demander); harmless for English lemmas."""
    forms = {lemma}
    for ending in ("ent", "es", "e", "é", "ée", "ait"):
        if lemma.endswith(ending):
            forms.add(lemma[: -len(ending)] + "er")
    return forms


def stands_for_government(span: Span, cues: MetonymyCues) -> bool:
    """True when the parse makes the place an agent: subject of a speech/request/decision verb,
    the addressee of a request, or the seat named by a leader noun ("le patron de Minsk")."""
    root = span.root
    head = root.head
    if head.i == root.i:  # spaCy builds a new Token on each access: compare indices, not identity
        return False
    head_lemma = _lemma(head.lemma_, head.text)
    dep = root.dep_
    verb_forms = _verb_forms(head_lemma)
    if dep in SUBJECT_DEPS and verb_forms & cues.subject_verbs:
        return True
    if dep in OBJECT_DEPS and verb_forms & cues.object_verbs:
        return True
    # English "call on Moscow to…": the name hangs off a preposition whose head is the verb
    if dep == "pobj" and head.head.i != head.i and _lemma(head.head.lemma_, head.head.text) in cues.object_verbs:
        return True
    return dep in NOUN_DEPS and head_lemma in cues.head_nouns
