"""Read query behind the API's transfers table: stored transfer records by supplier, recipient,
status and weapon, newest first (kept apart from the event views, which are about events)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from chronique.schema import Transfer
from chronique.store import rows
from chronique.store.store import Store
from chronique.store.tables import transfers


@dataclass(frozen=True)
class TransferFilter:
    supplier: str | None = None
    recipient: str | None = None
    status: str | None = None
    weapon: str | None = None  # substring, case-insensitive
    limit: int = 100
    offset: int = 0


def transfer_rows(store: Store, f: TransferFilter) -> list[tuple[Transfer, str]]:
    """(Transfer, article id) pairs matching ``f``, newest first."""
    q = select(transfers)
    if f.supplier:
        q = q.where(transfers.c.supplier == f.supplier.upper())
    if f.recipient:
        q = q.where(transfers.c.recipient == f.recipient.upper())
    if f.status:
        q = q.where(transfers.c.status == f.status.lower())
    if f.weapon:
        q = q.where(func.lower(transfers.c.weapon).contains(f.weapon.lower(), autoescape=True))
    q = (q.order_by(transfers.c.date.desc(), transfers.c.article_id, transfers.c.seq)
         .limit(f.limit).offset(f.offset))

    def run() -> list[tuple[Transfer, str]]:
        with store.connect() as connection:
            return [(rows.transfer_from_row(r), r.article_id) for r in connection.execute(q)]

    return store._guard(run, "read transfers")
