"""Who reports a transfer: the source the text names for the sentence that tells it.

Two frames name a source: a phrase of attribution on the transfer word's clause ("according to the
ministry", "selon l'agence", "d'après le ministère") and a verb of saying whose reported clause holds
the transfer word ("the government said", "a annoncé le ministre"). The source is the words of that
phrase or of the verb's subject, as the text spells them; a pronoun subject ("he said") names nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from chronique.coding.modality import is_speech_verb, source_phrase
from chronique.knowledge.arms_words import arms_words

if TYPE_CHECKING:
    from chronique.knowledge.lexicon import EventLexicon

SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
OBJECTS = frozenset({"obj", "dobj"})


def _attribution(tok: Token) -> Token | None:
    """The source noun of a "d'après X" phrase on ``tok``'s verb (the shared lexicon knows "selon"
    and "according"; "après" is a marker only after "d'", otherwise it means "after")."""
    for child in tok.children:
        for case in child.children:
            if case.dep_ == "case" and (
                    (case.lower_ == "après" and case.i > 0 and case.doc[case.i - 1].lower_ in ("d'", "d’"))
                    or (case.lower_ in ("d'", "d’") and any(f.lower_ == "après" for f in case.children))):
                return child
    return None


def _source_noun(found: Token) -> Token | None:
    """The noun a marker or attribution phrase leads to: "according (to (the ministry))" → ministry."""
    if found.pos_ in ("NOUN", "PROPN"):
        return found
    leads = arms_words().attribution_leads | {found.lower_}
    for child in found.subtree:
        if child.i != found.i and child.pos_ in ("NOUN", "PROPN") and child.head.lower_ in leads:
            return child
    return next((c for c in found.subtree if c.i != found.i and c.pos_ in ("NOUN", "PROPN")), None)


def _words(noun: Token) -> str | None:
    """The noun phrase of ``noun`` as the text spells it, without a leading marker or preposition."""
    tokens = [t for t in noun.subtree if t.dep_ not in ("punct", "cc") or noun.i < t.i < max(x.i for x in noun.subtree)]
    while tokens and (tokens[0].dep_ in ("case", "fixed") or tokens[0].lower_ in ("d'", "de", "to", "according")):
        tokens = tokens[1:]
    if not tokens:
        return None
    span = noun.doc[tokens[0].i: tokens[-1].i + 1]
    return _clip(span)


def _clip(span: Span) -> str | None:
    text = span.text.strip(" ,;:.\"'«»")
    return text or None


def attribution(trigger: Token, lexicon: EventLexicon) -> Token | None:
    """The "according to X" / "selon X" / "d'après X" phrase on the trigger's clause, if any."""
    for tok in [trigger, *trigger.ancestors]:
        found = source_phrase(tok, lexicon) or _attribution(tok)
        if found is not None:
            return found
    return None


def attribution_tokens(trigger: Token, lexicon: EventLexicon) -> range:
    """The tokens of that phrase: a party named there reports the transfer, it takes no part in it."""
    found = attribution(trigger, lexicon)
    return range(found.left_edge.i, found.right_edge.i + 1) if found is not None else range(0)


def _incise(trigger: Token, lexicon: EventLexicon) -> Token | None:
    """The subject of a verb of saying set off by a comma after the clause (", a annoncé l'armée";
    the parser often hangs such a verb beside the clause and reads its inverted subject as object)."""
    for tok in [trigger, *trigger.ancestors]:
        for verb in tok.children:
            if verb.i > trigger.i and verb.dep_ in ("conj", "parataxis") and is_speech_verb(verb, lexicon) and any(
                    t.lower_ == "," for t in trigger.doc[trigger.i: verb.i]):
                return next((c for c in verb.children if c.dep_ in SUBJECTS | OBJECTS), None)
    return None


def reporting_source(trigger: Token, lexicon: EventLexicon) -> str | None:
    """The source the sentence names for the transfer told by ``trigger``, else None."""
    speech = next((a for a in trigger.ancestors if is_speech_verb(a, lexicon)), None)
    subject = next((c for c in speech.children if c.dep_ in SUBJECTS), None) if speech else _incise(trigger, lexicon)
    if subject is not None and subject.pos_ != "PRON":
        return _words(subject)
    found = attribution(trigger, lexicon)
    noun = _source_noun(found) if found is not None else None
    return _words(noun) if noun is not None and noun.pos_ != "PRON" else None
