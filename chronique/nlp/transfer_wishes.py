"""The record of weapons a state wishes for with no giving word (chronique.arms.wishes): a request
from nobody named, or from the party after "from/auprès de" ("Poland wants K2 tanks from South
Korea"); none when the wish is negated or the one who wishes speaks for no state. Unnamed arms
("Kyiv wants weapons") wished from nobody named are too little to stand alone: a partial record,
which may restate a transfer told elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronique.annotations.records import TransferRecord, WeaponRecord
from chronique.arms.asking import state_asker
from chronique.arms.assign import Sides
from chronique.arms.consolidate import PARTIAL
from chronique.arms.frames import read_frame
from chronique.arms.wishes import wished_by
from chronique.nlp.times import event_date
from chronique.nlp.transfer_arrivals import RecordOf
from chronique.nlp.transfer_context import TransferContext, trim, weapon_span

UNNAMED = frozenset({"weapons", "heavy weapons"})


def wished(ctx: TransferContext, weapon: WeaponRecord, root: Token, record: RecordOf,
           modality: Callable[[Token], str]) -> TransferRecord | None:
    verb = wished_by(root)
    if verb is None or modality(verb) == "negated":
        return None
    span = weapon_span(weapon, root)
    parties = ctx.parties(root.sent)
    frame = read_frame(verb, parties, span)
    asker = state_asker(ctx.index, parties, frame.subject, verb.i)
    if asker is None:
        return None
    supplier = next((c for c in frame.from_side if c != asker), None)
    sent = verb.sent
    date = event_date(ctx.doc, verb.idx, verb.idx + len(verb), future=True)[0]
    made = record(weapon, "requested", Sides(supplier, asker), date, trim(ctx.doc, sent.start_char, sent.end_char),
                  root, verb)
    unnamed = not weapon.get("designation") and weapon.get("category") in UNNAMED
    return {**made, PARTIAL: True} if supplier is None and unnamed else made
