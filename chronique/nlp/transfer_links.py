"""Transfers that one reading of a sentence gives once but the sentence tells several times.

- Coordinated parties: "Germany and the Netherlands will receive…", "…à l'Arménie et à la
  Belgique": every party coordinated with a record's supplier or recipient takes part in the same
  transfer, one record each.
- A bilateral agreement: two states coordinated as the subject of one deal ("South Korea and Poland
  signed a contract for K2 tanks", "La France et l'Inde ont signé un accord pour des Rafale") name
  both sides; the state whose industry makes the weapon supplies it, the other receives it.
- An onward transfer: a buyer that passes the weapons on in a coordinated clause ("bought them from
  Russia and will pass them to Ukraine", "les livrera à l'Ukraine") supplies the third party too.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any, cast

from spacy.tokens import Span, Token

from chronique.annotations.records import TransferRecord
from chronique.arms.frames import Party, read_frame
from chronique.knowledge.arms_words import arms_words
from chronique.nlp.transfer_context import TransferContext

OBJECTS = frozenset({"obj", "dobj"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
SIDES = ("supplier", "recipient")


def _group(tok: Token) -> list[Token]:
    """The tokens coordinated with ``tok`` ("A, B and C"), ``tok`` included."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    out, queue = [], [top]
    while queue:
        cur = queue.pop()
        out.append(cur)
        queue += [c for c in cur.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    return out


def _party_root(sent: Span, party: Party) -> Token:
    return sent.doc[party.start: party.end].root


def _joined(sent: Span, a: Party, b: Party) -> bool:
    """Two parties the words join ("L'Espagne et le Portugal"): between them only "and/et", commas
    and determiners; a reading for when the parser hangs both on the verb. Not a subject of its own
    verb after a comma ("…to Russia, the White House said")."""
    between, joiners = sent.doc[a.end: b.start], arms_words().party_joiners
    first, second = _party_root(sent, a), _party_root(sent, b)
    if second.dep_ in SUBJECTS and second.head.i != first.head.i:
        return False
    return (len(between) > 0 and any(t.lower_ in joiners for t in between)
            and all(t.lower_ in joiners or t.pos_ == "DET" for t in between))


def _group_codes(sent: Span, parties: list[Party], tok: Token, codes: list[str]) -> tuple[list[str], Token]:
    group = _group(tok)
    members = {t.i for t in group}
    inside = [p for p in parties if _party_root(sent, p).i in members and not p.adjective]
    for a, b in pairwise(parties):  # the words' reading, in text order
        if _joined(sent, a, b) and (a in inside) != (b in inside):
            inside.append(b if a in inside else a)
    for party in sorted(inside, key=lambda p: p.start):
        if party.code not in codes:
            codes.append(party.code)
    return codes, group[0]


def coordinated_codes(sent: Span, parties: list[Party], code: str) -> tuple[list[str], Token | None]:
    """The codes coordinated with the party ``code`` names in ``sent`` (its own first), and the
    head of their coordination; ([], None) when the party is not there."""
    mine = next((p for p in parties if p.code == code and not p.adjective), None)
    if mine is None:
        return [], None
    return _group_codes(sent, parties, _party_root(sent, mine), [code])


def deal_sides(ctx: TransferContext, root: Token, origin: str | None) -> tuple[str, str, Token] | None:
    """(supplier, recipient, deal verb) when the weapon is the matter of a deal that two
    coordinated states sign, one of them its maker ("Turkey and Qatar signed a deal for Altay tanks")."""
    if origin is None:
        return None
    for verb in list(root.ancestors)[:4]:
        deal = verb.lemma_.lower() in arms_words().deal_words or any(
            c.dep_ in OBJECTS and c.lemma_.lower() in arms_words().deal_words for c in verb.children)
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if verb.pos_ in ("VERB", "AUX") and deal and subject is not None:
            codes, _ = _group_codes(verb.sent, ctx.parties(verb.sent), subject, [])
            if len(codes) != 2 or origin not in codes:
                return None
            return origin, next(c for c in codes if c != origin), verb
    return None


def _with(record: TransferRecord, **changes: Any) -> TransferRecord:
    return cast(TransferRecord, {**record, **changes, "evidence_spans": list(record.get("evidence_spans") or [])})


def _side(record: TransferRecord, side: str) -> str | None:
    """The supplier or recipient of a record, the side named by a variable."""
    return cast(dict[str, Any], record).get(side)


def _bilateral(record: TransferRecord, codes: list[str], head: Token) -> TransferRecord | None:
    """Two coordinated states that sign one deal, one of them the weapon's maker."""
    origin = record.get("_origin")
    if len(codes) != 2 or origin not in codes or head.dep_ not in SUBJECTS:
        return None
    verb = head.head
    if verb.lemma_.lower() not in arms_words().deal_words and not any(
            c.lemma_.lower() in arms_words().deal_words for c in verb.children if c.dep_ in OBJECTS):
        return None
    other = next(c for c in codes if c != origin)
    return _with(record, supplier=origin, recipient=other)


def coordinated(ctx: TransferContext, records: list[TransferRecord]) -> list[TransferRecord]:
    """Each record, plus one per party coordinated with its supplier or recipient; a record whose
    known parties are the two signers of a deal takes its sides from the weapon's maker."""
    out: list[TransferRecord] = []
    for record in records:
        trigger = record.get("_trigger")
        if trigger is None:
            out.append(record)
            continue
        sent = ctx.doc[int(trigger)].sent
        parties = ctx.parties(sent)
        extra: list[TransferRecord] = []
        for side, other in (SIDES, SIDES[::-1]):
            own, counterpart = _side(record, side), _side(record, other)
            if own is None:
                continue
            codes, head = coordinated_codes(sent, parties, own)
            if head is not None and (counterpart is None or counterpart in codes):
                both = _bilateral(record, codes, head)
                if both is not None:
                    record = both
                    break
                continue  # both sides in one group, or one side unknown: no pair to multiply
            extra += [_with(record, **{side: c}) for c in codes[1:] if c != counterpart]
        out += [record, *extra]
    return out


def onward(ctx: TransferContext, records: list[TransferRecord],
           supplier_word: Callable[[Token], str | None]) -> list[TransferRecord]:
    """Each record, plus the onward transfer of a buyer that passes the weapons on in the next
    clause; ``supplier_word`` gives a giving verb's status in its modality, None for other words."""
    out = list(records)
    for record in records:
        trigger, buyer = record.get("_trigger"), record["recipient"]
        if trigger is None or buyer is None:
            continue
        tok = ctx.doc[int(trigger)]
        for verb in (c for c in tok.children if c.dep_ == "conj" and c.i > tok.i):
            status = supplier_word(verb)
            named = [c for c in verb.children if c.dep_ in OBJECTS and c.pos_ in ("NOUN", "PROPN")]
            if status is None or named:
                continue  # not a giving verb, or one that gives something else
            frame = read_frame(verb, ctx.parties(verb.sent), (verb.i, verb.i + 1))
            to = next((c for c in frame.to_side if c not in (buyer, record["supplier"])), None)
            if to is not None:
                out.append(_with(record, supplier=buyer, recipient=to, status=status, _trigger=verb.i))
    return out
