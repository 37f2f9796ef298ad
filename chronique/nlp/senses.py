"""Sense checks: an ambiguous trigger read in an idiom or a non-political sense is no event.

"bird strike", "panic attack", "fight climate change", "tirer parti", "frappé par la crise" drop
their readings; "balayer l'idée" becomes the rejection it means; a "strike" among warplanes and
missiles is a military strike rather than a labour stoppage. The rules are data
(``data/senses.yaml``); the trigger is the coder's (its first lexicon word and char offsets).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.senses import SenseRule


def _neighbours(doc: Doc, starts: list[int], start: int, window: int) -> set[str]:
    """Lemmas and lower-cased forms of the tokens within ``window`` of the token at char ``start``
    (``starts``: every token's char offset, for a binary search)."""
    i = bisect_right(starts, start) - 1
    if i < 0:
        return set()
    token = doc[i]
    sent = token.sent if doc.has_annotation("SENT_START") else doc[:]
    lo, hi = max(sent.start, token.i - window), min(sent.end, token.i + window + 1)
    return {w for t in doc[lo:hi] if t.i != token.i for w in (t.lemma_.lower(), t.lower_)}


def _rule_for(event: EventRecord, doc: Doc, starts: list[int], rules: tuple[SenseRule, ...]) -> SenseRule | None:
    words = str(event.get("_lemma") or "").split()
    trigger = event.get("_trigger")
    if not words or not trigger:
        return None
    for rule in rules:
        if rule.trigger == words[0] and (rule.only_cameo is None or rule.only_cameo == event.get("cameo")) \
                and rule.near & _neighbours(doc, starts, int(trigger[0]), rule.window):
            return rule
    return None


def _recoded(event: EventRecord, code: str, table: CameoTable) -> EventRecord | None:
    found = table.plover(code)
    if found is None:
        return None
    name, mode, context = found
    return {**event, "cameo": code, "event": name, "mode": mode or "", "quad_code": table.quad(name),
            "context": list(dict.fromkeys([*context, *event.get("context", [])]))}


def check_senses(doc: Doc, events: list[EventRecord], rules: tuple[SenseRule, ...],
                 table: CameoTable) -> list[EventRecord]:
    """``events`` less the idiomatic readings, with the recoded ones recoded."""
    if not rules:
        return events
    out, starts = [], [t.idx for t in doc]
    for event in events:
        rule = _rule_for(event, doc, starts, rules)
        if rule is None:
            out.append(event)
        elif rule.recode is not None:
            recoded = _recoded(event, rule.recode, table)
            if recoded is not None:
                out.append(recoded)
    return out
