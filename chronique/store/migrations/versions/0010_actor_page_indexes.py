"""Covering indexes for the actor page (/api/actors/{code}): counterparts and types as recipient.

The actor summary groups an actor's events by recipient, its events as recipient by actor and by
type. With only the (…, date, id) indexes each group read every matching row from the table: on
the 1,000,000-event store, 0.57 s per statement for the busiest actor (3 of the 4 statements;
the 4th had its covering index), and the varied load of the actor page ran at 7–16 requests/s
(docs/performance.md). With these the three are scans of the index alone, in group order.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {"ix_events_actor_code_recipient_code": ["actor_code", "recipient_code"],
           "ix_events_recipient_code_actor_code": ["recipient_code", "actor_code"],
           "ix_events_recipient_code_event": ["recipient_code", "event"]}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="events")
