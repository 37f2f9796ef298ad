"""Modality of an event trigger: asserted, negated, conditional, future, requested, reported (and who).

Read from morphology (Mood=Cnd, Tense=Fut), governing modal verbs ("va transférer", "devrait
intervenir", "pourraient"), negation words around the trigger and its verb, and reported-speech
verbs ("X a déclaré que …"); obligation modals ("must") make the act a requested one. Every word
list comes from the lexicon.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from chronique.coding.mentions import is_root
from chronique.knowledge.function_words import words_of
from chronique.knowledge.lexicon import EventLexicon


@cache
def _conditional_endings(lang: str) -> tuple[str, ...]:
    """Endings of a conditional verb the tagger may read otherwise ("fournirait" as an imperfect);
    language data, empty for a language whose conditional is a separate word."""
    return tuple(sorted(words_of(lang).conditional_endings))


def _verb_chain(tok: Token) -> list[Token]:
    """The trigger, its auxiliaries' head and the verbs that govern it within the clause."""
    chain = [tok]
    cur = tok
    while cur.dep_ in ("xcomp", "obj", "dobj") and not is_root(cur) and len(chain) < 4:
        cur = cur.head
        chain.append(cur)
    if tok.pos_ in ("NOUN", "PROPN") and not is_root(tok):
        chain.append(tok.head)
    return chain


def _conditional_form(tok: Token) -> bool:
    return "Mood=Cnd" in str(tok.morph) or (
        tok.pos_ in ("VERB", "AUX") and tok.lower_.endswith(_conditional_endings(tok.lang_)))


# Subjects whose determiner can deny the act ("aucun avion n'a mené de raid", "no plane carried out").
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "expl:subj"})


def _negated_subject(verb: Token, lexicon: EventLexicon) -> bool:
    return any(c.dep_ in SUBJECTS and any(g.dep_ == "det" and g.lower_ in lexicon.negation for g in c.children)
               for c in verb.children)


# How an act hangs on the verb an obligation modal governs: an infinitive or predicate ("must be ready
# to mediate"), a purpose infinitive ("must ensure security to allow …"), a shared-subject conjunct,
# the object noun of a light verb ("must reach an agreement").
OBLIGED_PATH = frozenset({"xcomp", "acomp", "advcl", "conj", "obj", "dobj"})
AUXILIARIES = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})


def obligation_verb(tok: Token, lexicon: EventLexicon) -> Token | None:
    """The word an obligation modal ("must") governs, at or above ``tok`` in its clause; None when
    the act is not under one. A clause with its own subject or subordinator ("before they
    demobilize") is an act of its own and stops the climb."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ in AUXILIARIES and c.lower_ in lexicon.obligation for c in cur.children):
            return cur
        if cur.dep_ not in OBLIGED_PATH or is_root(cur):
            return None
        if cur.i != tok.i and cur.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in cur.children):
            return None
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
            return None
        cur = cur.head
    return None




def made_ready(tok: Token, lexicon: EventLexicon) -> bool:
    """The act hangs on a word of getting ready ("prepared to resume shelling", "s'apprête à
    attaquer"): for a use of force, a military build-up rather than a threat (PLOVER MOBILIZE)."""
    return any(v.lemma_.lower() in lexicon.readiness or v.lower_ in lexicon.readiness for v in _verb_chain(tok)[1:])


def negated(tok: Token, lexicon: EventLexicon) -> bool:
    for verb in _verb_chain(tok):
        if verb.pos_ in ("VERB", "AUX") and _negated_subject(verb, lexicon):
            return True
        for c in verb.children:
            if c.dep_ in ("neg",) or (c.lower_ in lexicon.negation and c.dep_ in ("advmod", "neg", "det", "cc")):
                return True
            if c.lower_ in ("not", "n't", "never") and c.dep_ in ("neg", "advmod"):
                return True
    return False


def is_speech_verb(tok: Token, lexicon: EventLexicon) -> bool:
    """A verb of saying; also when the French lemmatizer left a present form as is ("indique")."""
    lemma = tok.lemma_.lower()
    return lemma in lexicon.speech or (tok.lang_ == "fr" and lemma == tok.lower_ and lemma.endswith("e")
                                       and lemma + "r" in lexicon.speech)


def source_phrase(tok: Token, lexicon: EventLexicon) -> Token | None:
    """The "selon X" / "according to X" phrase on ``tok``'s verb: X, or the marker itself."""
    markers = lexicon.words.source_markers
    for c in tok.children:
        if c.lower_ in markers:  # English "according (to X)", French "selon" as an adverb
            return c
        if any(g.dep_ == "case" and g.lower_ in markers for g in c.children):  # "selon le ministère"
            return c
    return None


def reported_by(tok: Token, lexicon: EventLexicon) -> Token | None:
    """The speech verb that reports ``tok``'s clause, if any, else its "selon X" phrase."""
    for anc in tok.ancestors:
        if is_speech_verb(anc, lexicon) and anc.i != tok.i:
            return anc
    return source_phrase(tok, lexicon)


def modality(tok: Token, lexicon: EventLexicon) -> tuple[str, Token | None]:
    """(modality, speech verb) for the trigger token ``tok``."""
    speech = reported_by(tok, lexicon)
    if negated(tok, lexicon):
        return "negated", speech
    chain = _verb_chain(tok)
    words = [c for v in chain for c in v.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass")] + chain
    lowers = {w.lower_ for w in words}
    if lowers & lexicon.obligation or obligation_verb(tok, lexicon) is not None:
        return "requested", speech
    if lowers & lexicon.words.future_auxiliaries or any("Tense=Fut" in str(w.morph) for w in words):
        return "future", speech
    for verb in chain[1:]:
        lemma = verb.lemma_.lower()
        if lemma in lexicon.future:
            return ("conditional" if lemma == "pouvoir" else "future"), speech
        if lemma in lexicon.conditional and _conditional_form(verb):
            return "conditional", speech
    if lowers & lexicon.words.conditional_auxiliaries or any(_conditional_form(w) for w in words):
        # a conditional under a past speech verb is a future in the past ("a annoncé qu'elle fournirait")
        if speech is not None and not any(w.lemma_.lower() in lexicon.conditional for w in words):
            return "future", speech
        return "conditional", speech
    if lowers & {"going"}:
        return "future", speech
    return ("reported" if speech is not None else "asserted"), speech
