"""A conviction to a prison term served is two acts: the finding of guilt (SANCTION 'convict') and
the imprisonment (COERCE 'arrest'), as the PLOVER manual rules in its SANCTION notes ("court sentences
that include imprisonment will also receive a COERCE 'arrest' mode"). A suspended term ("avec sursis")
puts nobody in prison: the conviction stays alone.

The words are the lexicon's (``imprisonment``, ``suspended``); a lexicon without them adds nothing.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon

CONVICT = ("SANCTION", "convict")
ARREST_CODE = "173"  # CAMEO "arrest, detain, or charge with legal action": COERCE 'arrest'
WINDOW = 12  # tokens after the verb where the term is told ("condamné jeudi à trois ans de prison ferme")


def _term_served(doc: Doc, starts: list[int], at: int, lexicon: EventLexicon) -> bool:
    """A prison word follows the conviction's trigger in its sentence, and no word of a suspended term."""
    i = bisect_right(starts, at) - 1
    if i < 0:
        return False
    sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
    words = {w for t in doc[i:min(sent.end, i + WINDOW + 1)] for w in (t.lemma_.lower(), t.lower_)}
    return bool(words & lexicon.imprisonment) and not words & lexicon.suspended


def with_prison_terms(doc: Doc, events: list[EventRecord], lexicon: EventLexicon,
                      table: CameoTable) -> list[EventRecord]:
    """``events`` and, after each conviction to a prison term served, its imprisonment: same parties,
    same sentence and trigger."""
    arrest = table.plover(ARREST_CODE)
    if not lexicon.imprisonment or arrest is None:
        return events
    name, mode, context = arrest
    out, starts = [], [t.idx for t in doc]
    for e in events:
        out.append(e)
        trigger = e.get("_trigger")
        if (e.get("event"), e.get("mode")) == CONVICT and trigger and \
                _term_served(doc, starts, int(trigger[0]), lexicon):
            out.append({**e, "event": name, "mode": mode, "cameo": ARREST_CODE, "quad_code": table.quad(name),
                        "context": list(dict.fromkeys([*context, *e.get("context", [])]))})
    return out
