"""Sentences that tell an act, but not as an act of the report's own: not yet done, set in the
background, or a lasting state (docs/accuracy.md, "Acts not told as done").

The event check (chronique.coding.event_check) drops quoted words, first or second person and
modal acts; these classes read forms it does not see, from the parse and the event's own fields:

- intention: the act is future by its grammar (the rule coder's own reading of its verb chain)
  outside the first sentence, or a verb
  of wish or pledge governs it ("said it would expel", "wants to expel", "vowed to retaliate", "veut
  expulser", "s'est engagé à"). In the first sentence (a headline, or a report of one sentence) a
  future act stays: the PLOVER scheme (plv-train, plover-gsr) codes an announced act there as the
  event (on plv-train the class cost 0.014 of pair macro-F1), while in article bodies train counts it
  wrong (fr/en-wikinews-train 1/26, look 0/6), as the page verdicts do;
- description: a relative clause that describes a named party ("Freedom Magazine, which attacked
  …", "X, which invaded Y in 2022, …");

Each class ships only where, on the train sets, its events were right clearly below the base rate
(``benchmarks/no_act_rates.py``; the classes tried and rejected there, a pluperfect, a background
word, an old date, an aspect verb of continuation, were right at about the base rate or above:
an old act correctly dated is a right event). A habit or state in the simple present passed on
train but cost recall on both dev sets (French news tells acts in the historical present): not
shipped (benchmarks/no_act_candidates.py). The words are data (``data/<lang>/no_act_words.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Token

from chronique.annotations.records import EventRecord
from chronique.coding.clauses import clause_verb
from chronique.coding.hedges import hedge
from chronique.coding.modality import is_speech_verb, modality
from chronique.coding.unrealised import attempt, unrealised
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.knowledge.no_act_words import NoActWords, no_act_words

_lexicon = cache(load_event_lexicon)  # the speech verbs, read once per language
# a plain conditional ("pourraient être modernisés") may be an offer, as the rule coder reads it: kept
NOT_DONE = frozenset({"future"})
TOLD = frozenset({"asserted", "reported"})
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
# how a verb of intention takes the act it governs: a bare or marked infinitive complement
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "obl", "obl:arg"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def token_at(doc: Doc, char: int) -> Token | None:
    if not 0 <= char < len(doc.text):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def trigger_token(doc: Doc, event: EventRecord) -> Token | None:
    """The token at the event's trigger (its first character)."""
    trigger = event.get("_trigger") or [event["text_info"]["start"]]
    return token_at(doc, int(trigger[0]))


def _words(tok: Token) -> NoActWords:
    return no_act_words(tok.lang_)


def _infinitive(verb: Token) -> bool:
    return "Inf" in verb.morph.get("VerbForm", []) or verb.tag_ == "VB"


def intended(head: Token, event: EventRecord) -> bool:
    """Told as not yet done: a future modality outside the first sentence, or the act's clause an
    infinitive that a verb of wish or pledge governs ("wants to expel", "a promis de riposter")."""
    # outside the headline or a report's sole sentence (see the module's note), and future by its grammar:
    # the event's modality field is also "future" for an act merely dated after publication (the screen's
    # reading of a date, which may come from a neighbouring sentence), and such an act can be told as done
    if int(event["text_info"]["sequence"]) > 1 and modality(head, _lexicon(head.lang_))[0] in NOT_DONE:
        return True
    verb = clause_verb(head, within=3)
    if verb is None or not _infinitive(verb) or verb.dep_ not in COMPLEMENT_DEPS:
        return False
    return verb.head.lemma_.lower() in _words(head).intention_verbs


def description(head: Token) -> bool:
    """A non-restrictive relative clause on a named party, whose relative pronoun is the doer
    ("Freedom Magazine, which attacked …", "la Turquie, qui soutient …"): the act describes the
    party, it is not the news."""
    verb = clause_verb(head, within=3)
    if verb is None or verb.dep_ not in RELATIVE_DEPS:
        return False
    antecedent = verb.head
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.pos_ != "PRON" or subject.i != min(t.i for t in verb.subtree):
        return False
    between = doc[antecedent.i + 1:subject.i]
    named = antecedent.pos_ == "PROPN" or (antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN")
    return named and any(t.text == "," for t in between)


# class name -> test; the order is the order the classes are tried in
CLASSES: dict[str, Callable[[Token, EventRecord], bool]] = {
    "intention": intended,
    "description": lambda h, e: description(h),
    "unrealised": unrealised,  # failed, avoided, refused, unable to (chronique.coding.unrealised)
    "hedge": hedge,  # "the alleged killer" (chronique.coding.hedges)
    "attempt": attempt,  # "sought to control X": no request (chronique.coding.unrealised)
}


def no_act_classes(doc: Doc, event: EventRecord) -> list[str]:
    """Every class the event falls in (for measurement)."""
    head = trigger_token(doc, event)
    if head is None:
        return []
    return [name for name, test in CLASSES.items() if test(head, event)]


def no_act_reason(doc: Doc, event: EventRecord) -> str | None:
    """The first class the event falls in, or None when it is told as an act of the report's own."""
    found = no_act_classes(doc, event)
    return found[0] if found else None


def _first_person_plural_subject(verb: Token) -> bool:
    """"we", "nous": a party speaking of its own act ("I", "je" tell a person's own story)."""
    return any(c.dep_ in SUBJECTS and c.pos_ == "PRON" and "1" in c.morph.get("Person", [])
               and "Plur" in c.morph.get("Number", []) for c in verb.children)


def _speech_verb_of(party: Token) -> Token | None:
    """The verb whose subject ``party`` is part of ("the French minister said", "a dit le ministre")."""
    for tok in (party, *party.ancestors):
        if tok.dep_ in SUBJECTS:
            return tok.head
    return None


def speaker_own_act(doc: Doc, event: EventRecord) -> bool:
    """"“We attacked Mali,” the French minister said": the act's subject is "we" or "nous" and its
    coded actor is the speaker of the same sentence (chronique.coding.quoted_speaker read
    the "we" as the speaker's party), whose verb of saying governs the quote or hangs on it: the
    speaker's party telling its own act, not someone's claim about others."""
    actor = event.get("actor") or {}
    start = actor.get("start")
    head = trigger_token(doc, event)
    if head is None or not actor.get("code") or start is None or str(event.get("modality") or "") not in TOLD:
        return False  # the speaker's promise ("“We will attack”") is no act told as done
    verb = clause_verb(head, within=3)
    party = token_at(doc, int(start))
    if verb is None or party is None or party.sent != head.sent or not _first_person_plural_subject(verb):
        return False
    speech = _speech_verb_of(party)
    if speech is None or speech.i == verb.i or not is_speech_verb(speech, _lexicon(head.lang_)):
        return False
    return verb in speech.ancestors or speech in verb.ancestors
