"""Headline grammar: a news headline drops the auxiliaries a sentence of the body would have.

- "Mayor of Lagos sentenced to five years": a bare participle after the subject, with no object,
  is a passive ("was sentenced"): the subject undergoes the act, it does not do it.
- "Brazil to expel Venezuelan diplomats": "X to VERB" is an act announced for later ("is to
  expel"), future, not done.

A headline is the text's first line when it ends with no sentence punctuation (the page readers
put the page's headline there, chronique.ingest.headline).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TERMINALS = frozenset(".!?…")
MAX_TOPIC_TOKENS = 5  # "Gaza", "Ukraine war", "Israël-Hamas", "Apologie du terrorisme"
_TOPIC_MARKS = frozenset({":"})
_OBJECTS = frozenset({"dobj", "obj"})
_SUBJECTS = frozenset({"nsubj"})
_PAST_FORMS = frozenset({"VBN", "VBD"})  # the English tagger reads a headline's participle either way


def is_headline(sent: Span) -> bool:
    """``sent`` is in the text's first line and that line ends with no sentence punctuation (a
    kicker before it, "SCANDAL! Speaker accused…", is cut off as a sentence of its own)."""
    line_end = headline_end(sent.doc)
    return line_end is not None and sent.start_char < line_end and sent.end_char <= line_end + 1


def _bare(verb: Token) -> bool:
    """No auxiliary and no direct object hangs on ``verb``, and a subject does."""
    deps = {c.dep_ for c in verb.children}
    return not any(d.startswith("aux") for d in deps) and not deps & _OBJECTS and bool(deps & _SUBJECTS)


def headline_passive(verb: Token) -> bool:
    """An English headline's bare past participle with a subject: "Mayor sentenced to five years"."""
    return (verb.tag_ in _PAST_FORMS and verb.dep_ == "ROOT" and _bare(verb) and is_headline(verb.sent))


def headline_future(verb: Token) -> bool:
    """An English headline's "X to VERB": "Brazil to expel diplomats"."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or not is_headline(verb.sent):
        return False
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and any(c.dep_ in _SUBJECTS for c in verb.children))


def doer_unsaid(verb: Token) -> bool:
    """A headline's act told by a bare participle names no doer ("GOP speaker accused of
    blackmail", "un imam condamné à de la prison"): the nearest other name is no guess for it."""
    if not is_headline(verb.sent):
        return False
    if any(c.dep_ in ("agent", "obl:agent") or c.lower_ in ("by", "par") for c in verb.children):
        return False
    morph = str(verb.morph)
    participle = "VerbForm=Part" in morph and "Tense=Past" in morph
    return (participle and verb.dep_ in ("acl", "amod")) or headline_passive(verb)


def topic_colon(sent: Span) -> Token | None:
    """The colon after a short topic that opens the line ("Syrie : …", "Ukraine war: …")."""
    for tok in sent[:MAX_TOPIC_TOKENS + 1]:
        if tok.text in _TOPIC_MARKS:
            return tok if tok.i > sent.start else None
    return None


def headline_topic(sent: Span) -> set[int]:
    """The tokens of a headline's topic before its colon ("Suède : un camion fonce…", "Ukraine war:
    …"): the story's subject, no guess for a doer (see nlp/headline_parse.py for the same topic)."""
    if not is_headline(sent):
        return set()
    colon = topic_colon(sent)
    return set(range(sent.start, colon.i)) if colon is not None else set()


def headline_end(doc: Doc) -> int | None:
    """The character where the text's headline ends (its first line, when that line ends with no
    sentence punctuation), or None when the text opens with no headline."""
    line_end = doc.text.find("\n")
    if line_end <= 0 or doc.text[:line_end].rstrip()[-1:] in _TERMINALS:
        return None
    return line_end
