"""Acts told as not carried out (and an attempt read as a request): the act's clause is the complement
of a word of failure, avoidance, refusal, inability or pressure ("failed to renew the embargo",
"eschewed endorsing X", "was unable to make X and Y cooperate", "under pressure to back X", "a
refusé d'envoyer des troupes", "incapable de faire coopérer"). The governing word may be an event of
its own (a refusal is REJECT); the act it governs is none. A negated governor tells the act was done
("did not hesitate to strike"), so it is left alone.

A verb of seeking with an infinitive and no object ("has sought to control X") tells an attempt:
its reading as a request is dropped (``attempt``).

The walk goes up from the trigger through complement links only (an infinitive, a gerund, a
preposition's object, a noun's clause, the object of the governor), at most ``STEPS`` links: a
coordinated or adverbial clause, a clause opened by a conjunction ("because …") or a verb above the
trigger with a subject of its own ends it. The words are data (``data/<lang>/unrealised_words.yaml``).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.annotations.records import EventRecord
from chronique.knowledge.function_words import words_of
from chronique.knowledge.unrealised_words import unrealised_words

# how a complement clause or the act's noun hangs under the word above it (English ClearNLP and French UD)
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "acl", "dobj", "obj", "obl", "obl:arg",
                             "acomp", "attr", "nmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
STEPS = 4
REQUEST_ROOT = "10"


def _negated(tok: Token) -> bool:
    negations = words_of(tok.lang_).negations
    return any(c.dep_ == "neg" or c.lemma_.lower() in negations for c in tok.children)


def _conjunction(tok: Token) -> bool:
    """A clause opened by a conjunction ("because", "after", "parce que") is told in its own right;
    an infinitive's marker ("to", "de", "à") is no conjunction."""
    return any(c.dep_ == "mark" and c.pos_ == "SCONJ" for c in tok.children)


def unrealised_governor(head: Token, event: EventRecord | None = None) -> Token | None:
    """The word of failure, avoidance, refusal, inability or pressure whose complement the act at
    ``head`` is, else None. A governor that is a word of the event's own trigger does not count
    ("fail … agreement" is the rejection itself)."""
    governors = unrealised_words(head.lang_).governors
    if not governors:
        return None
    own = set(str((event or {}).get("_lemma") or "").lower().split())
    tok = head
    for _ in range(STEPS):
        if tok.dep_ not in COMPLEMENT_DEPS or tok.head.i == tok.i or _conjunction(tok):
            return None
        parent = tok.head
        if parent.lemma_.lower() in governors and parent.lemma_.lower() not in own:
            return None if _negated(parent) else parent
        if tok is not head and any(c.dep_ in SUBJECT_DEPS for c in tok.children) and tok.pos_ in ("VERB", "AUX"):
            return None  # a clause with a subject of its own is told in its own right
        tok = parent
    return None


def unrealised(head: Token, event: EventRecord | None = None) -> bool:
    return unrealised_governor(head, event) is not None


def attempt(head: Token, event: EventRecord) -> bool:
    """A request read from a verb of seeking whose complement is an infinitive and that has no
    object: an attempt ("has sought to control the movement", "cherche à contrôler"), not a request
    of anyone ("sought help from X" keeps its reading)."""
    if not str(event.get("cameo") or "").startswith(REQUEST_ROOT) or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() not in unrealised_words(head.lang_).attempts:
        return False
    kids = list(head.children)
    infinitive = any(c.dep_ in ("xcomp", "obl:arg", "ccomp") and c.pos_ == "VERB"
                     and ("Inf" in c.morph.get("VerbForm", []) or c.tag_ == "VB") for c in kids)
    return infinitive and not any(c.dep_ in ("dobj", "obj") for c in kids)
