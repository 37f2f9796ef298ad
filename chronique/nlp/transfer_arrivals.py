"""The record of weapons that arrive in a state (chronique.arms.arrivals): a delivery, a pledge
when they will arrive, none when they do not; a category that arrives from nobody named is too
little to stand alone and may restate a transfer told elsewhere (a partial record)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronique.annotations.records import TransferRecord, WeaponRecord
from chronique.arms.arrivals import arrival
from chronique.arms.assign import Sides
from chronique.arms.consolidate import PARTIAL
from chronique.arms.status import by_modality
from chronique.nlp.times import event_date
from chronique.nlp.transfer_context import TransferContext, trim, weapon_span

# the transfers stage's record builder: weapon, status, sides, date, evidence, weapon token, trigger
RecordOf = Callable[[WeaponRecord, str, Sides, "str | None", tuple[int, int], Token, Token], TransferRecord]


def arrived(ctx: TransferContext, weapon: WeaponRecord, root: Token, record: RecordOf,
            modality: Callable[[Token], str]) -> TransferRecord | None:
    found = arrival(root, weapon_span(weapon, root), ctx.parties(root.sent), weapon.get("origin"))
    status = by_modality("delivered", modality(found.verb)) if found is not None else None
    if found is None or status is None:
        return None
    verb, sent = found.verb, found.verb.sent
    date = event_date(ctx.doc, verb.idx, verb.idx + len(verb), future=status != "delivered")[0]
    made = record(weapon, status, found.sides, date, trim(ctx.doc, sent.start_char, sent.end_char), root, verb)
    return {**made, PARTIAL: True} if found.sides.supplier is None and not weapon.get("designation") else made
