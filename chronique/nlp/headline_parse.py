"""A headline's verb put back at the head of its clause.

Headlines drop the auxiliaries and the final stop of a sentence, and the statistical parsers read
them as noun phrases: in "La Russie bombarde Kiev" the French parser hangs "bombarde" on "Russie" as
a modifier and "Kiev" on "Russie" too, so no verb heads the line and the rule coder finds no act. A
topic before a colon ("Gaza : Israël frappe un camp") becomes the root and the clause after it an
aside. This module mends that one construction in the text's first line (a headline: no sentence
punctuation at its end), after the parser and before the coder:

- the clause is the line, or what follows a short topic and its colon;
- its verb is the first verb that hangs on the noun before it (a modifier, a relative-less clause)
  or on the topic, and reads as a finite verb, not a participle: a participle after its noun is the
  headline's passive ("un maire condamné à…", "Mayor sentenced to…"), read by coding/headline.py;
- that noun becomes the verb's subject, the nominals after the verb that hung on the noun or the
  topic become its object (no preposition) or oblique (a preposition), and the topic hangs on the
  verb as a dislocated word, never a party role; a topic the parser made the clause's subject is
  dislocated too ("Suède : un camion fonce…"), and a name it held after the colon is the subject.

Only heads and labels change; words, offsets and sentence bounds hold.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from chronique.coding.headline import headline_end, topic_colon

_NOMINALS = frozenset({"NOUN", "PROPN", "PRON"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
_CASES = frozenset({"case"})
_ENGLISH_FINITE = frozenset({"VBZ", "VBP"})  # "Police arrest…", "Army strikes…"; VBN/VBD may be a passive
# French past participles of -er verbs (the most common headline passives: "condamné", "tués")
_FR_PARTICIPLE_ENDS = ("é", "ée", "és", "ées")
# French finite forms in the present: "attaque", "attaquent", "rompt", "prend", "va"; a
# participle "-i"/"-u"/"-is" ("pris", "battu", "détenus") does not end so
_FR_FINITE_ENDS = ("e", "es", "ent", "ont", "t", "d", "a")


def _finite(verb: Token, lang: str) -> bool:
    if verb.pos_ != "VERB":
        return False
    if lang == "en":
        return verb.tag_ in _ENGLISH_FINITE
    word = verb.lower_
    if word.endswith(_FR_PARTICIPLE_ENDS) or word.endswith("ant") or "VerbForm=Inf" in str(verb.morph):
        return False
    return word.endswith(_FR_FINITE_ENDS)


def _has_case(token: Token) -> bool:
    return any(c.dep_ in _CASES for c in token.children)


def _verb_and_subject(clause: list[Token], topic_root: Token | None, lang: str) -> tuple[Token, Token | None] | None:
    """The clause's verb and its subject, when the parse hangs the verb on a noun or a topic."""
    for tok in clause:
        if not _finite(tok, lang):
            continue
        own = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if tok.dep_ == "ROOT" and topic_root is None:
            return None  # the parse already reads the line as a clause
        if own is not None:
            return (tok, own) if topic_root is not None and tok.head.i < clause[0].i else None
        head = tok.head
        if head.i < tok.i and head.i >= clause[0].i and head.pos_ in _NOMINALS and not _has_case(head):
            return tok, head
        return None  # the first finite verb decides: a later one is inside another phrase
    return None


def _verb_lemma(verb: Token, lang: str) -> None:
    """A French verb the tagger read as a noun's modifier keeps its form as lemma ("bombarde"): an
    -er verb's present ("bombarde", "frappent") gives back its infinitive, the lexicon's key."""
    word = verb.lower_
    if lang != "fr" or verb.lemma_.lower() != word:
        return
    if word.endswith("ent") and len(word) > 5:
        verb.lemma_ = word[:-3] + "er"
    elif word.endswith("e"):
        verb.lemma_ = word + "r"


def _attach(token: Token, head: Token, dep: str) -> None:
    token.head = head
    token.dep_ = dep


def _free_topic(sent: Span, colon: Token) -> bool:
    """A topic the parser made the subject of the clause after its colon ("Suède : un camion fonce",
    "France : Jérôme Cahuzac … va faire appel") is dislocated; a name it held after the colon (an
    apposition) becomes the subject when the verb has none other."""
    topic = next((t for t in sent if t.i < colon.i and t.head.i > colon.i and t.dep_ in _SUBJECTS), None)
    if topic is None:
        return False
    verb = topic.head
    held = next((c for c in topic.children if c.i > colon.i and c.pos_ in _NOMINALS and not _has_case(c)), None)
    others = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != topic.i]
    _attach(topic, verb, "dislocated")
    if held is not None and not others:
        _attach(held, verb, "nsubj")
    return True


def _mend(sent: Span, lang: str) -> bool:
    colon = topic_colon(sent)
    if colon is not None and _free_topic(sent, colon):
        return True
    clause = [t for t in sent if (colon is None or t.i > colon.i) and not t.is_space]
    if not clause:
        return False
    root = sent.root
    topic_root = root if colon is not None and root.i < colon.i else None
    if colon is None and root.pos_ == "VERB":
        return False
    found = _verb_and_subject(clause, topic_root, lang)
    if found is None:
        return False
    verb, subject = found
    holders = {root.i} | ({subject.i} if subject is not None else set())
    _attach(verb, verb, "ROOT")
    _verb_lemma(verb, lang)
    if subject is not None and subject.head.i != verb.i:
        _attach(subject, verb, "nsubj")
    has_object = any(c.dep_ in ("obj", "dobj") for c in verb.children)
    for tok in sent:
        if tok.i <= verb.i or tok.head.i not in holders or tok.i in holders:
            continue
        if tok.is_punct or tok.is_space:
            _attach(tok, verb, tok.dep_)
        elif tok.pos_ in _NOMINALS and not _has_case(tok) and not has_object:
            _attach(tok, verb, "obj")
            has_object = True
        elif tok.pos_ in _NOMINALS:
            _attach(tok, verb, "obl")
    if topic_root is not None and topic_root.i != verb.i and not verb.is_ancestor(topic_root):
        _attach(topic_root, verb, "dislocated")
        if colon is not None and colon.head.i != verb.i:
            _attach(colon, verb, "punct")
    return True


def mend_headline_parse(doc: Doc, lang: str) -> int:
    """Mend the parse of the text's headline line in place (see the module's note); the number of
    sentences mended."""
    end = headline_end(doc)
    if end is None or not doc.has_annotation("DEP"):
        return 0
    mended = 0
    for sent in doc.sents:
        if sent.start_char >= end:
            break
        mended += _mend(sent, lang)
    return mended
