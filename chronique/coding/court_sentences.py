"""A court's sentence, read on the coder's events: a conviction, and an arrest when a prison term is served.

- "condamner" says both a condemnation in words (ACCUSE) and a court's sentence. Its reading is a
  conviction (SANCTION 'convict', the PLOVER manual's mode for a finding of guilt, CAMEO 116) when a
  court is its subject or agent ("le tribunal condamne X", "condamné par la cour") or it gives a term
  after "à" ("condamné, ce lundi, à huit mois de prison"): the lexicon's patterns reach only terms
  told right after the verb.
- A conviction to a prison term served is two acts: the finding of guilt and the imprisonment (COERCE
  'arrest'), as the manual's SANCTION notes rule ("court sentences that include imprisonment will also
  receive a COERCE 'arrest' mode"). A suspended term ("avec sursis") puts nobody in prison.

The words are the lexicon's (``sentencing``, ``courts``, ``terms``, ``imprisonment``, ``suspended``);
a lexicon without them changes nothing.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import EventRecord
from chronique.coding.role_parse import SUBJECT
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon

CONVICT = ("SANCTION", "convict")
CONVICT_CODE = "116"  # CAMEO "find guilty or liable (legally)"
ARREST_CODE = "173"  # CAMEO "arrest, detain, or charge with legal action": COERCE 'arrest'
AGENT = frozenset({"obl:agent", "agent"})
TERM_MARK = "à"  # the preposition that gives the term ("condamner X à huit mois")
TERM_SPAN = 4  # tokens after it where the term's word stands ("à la réclusion", "à un an de prison")
# tokens after the verb where the term is told: the court and a date may come first ("condamné par la cour
# d'appel de Paris, ce lundi 23 janvier, à deux ans de prison")
WINDOW = 24


def _head(doc: Doc, starts: list[int], event: EventRecord) -> Token | None:
    trigger = event.get("_trigger")
    i = bisect_right(starts, int(trigger[0])) - 1 if trigger else -1
    return doc[i] if i >= 0 else None


def _after(head: Token) -> Span:
    sent = head.sent if head.doc.has_annotation("SENT_START") else head.doc[:]
    return head.doc[head.i + 1:min(sent.end, head.i + WINDOW + 1)]


def _words(tokens: Span) -> set[str]:
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def sentenced(head: Token, lexicon: EventLexicon) -> bool:
    """A sentencing verb a court pronounces (its subject or agent) or that gives a term after "à"."""
    if head.lemma_.lower() not in lexicon.sentencing:
        return False
    if any(c.dep_ in SUBJECT | AGENT and c.lemma_.lower() in lexicon.courts for c in head.children):
        return True
    after = list(_after(head))
    mark = next((i for i, t in enumerate(after) if t.lower_ == TERM_MARK), None)
    if mark is None:
        return False
    start = after[mark].i + 1
    return bool(_words(head.doc[start:min(start + TERM_SPAN, after[-1].i + 1)]) & lexicon.terms)


def term_served(head: Token, lexicon: EventLexicon) -> bool:
    """A prison word follows the conviction's verb in its sentence, and no word of a suspended term."""
    words = _words(_after(head))
    return bool(words & lexicon.imprisonment) and not words & lexicon.suspended


def _as(event: EventRecord, code: str, table: CameoTable, name: str | None = None, mode: str | None = None
        ) -> EventRecord:
    found = table.plover(code) or ("", "", ())
    name, mode = name or found[0], mode if mode is not None else found[1]
    return {**event, "event": name, "mode": mode, "cameo": code, "quad_code": table.quad(name),
            "context": list(dict.fromkeys([*found[2], *event.get("context", [])]))}


def court_sentences(doc: Doc, events: list[EventRecord], lexicon: EventLexicon,
                    table: CameoTable) -> list[EventRecord]:
    """``events`` with each court's condemnation read as a conviction and, after each conviction to a
    prison term served, its imprisonment: same parties, same sentence and trigger."""
    if not lexicon.sentencing and not lexicon.imprisonment:
        return events
    out, starts = [], [t.idx for t in doc]
    for e in events:
        head = _head(doc, starts, e)
        if head is not None and (e.get("event"), e.get("mode")) != CONVICT and sentenced(head, lexicon):
            e = _as(e, CONVICT_CODE, table, *CONVICT)
        out.append(e)
        if head is not None and (e.get("event"), e.get("mode")) == CONVICT and term_served(head, lexicon):
            out.append(_as(e, ARREST_CODE, table))
    return out
