"""Rollups for the API's aggregates, and a covering index for an actor's timeline.

The UI's first page draws the timeline and the map of the whole store. Counted from ``events``
that is a scan of every event (seconds on a 1,000,000-event store, and the first visitor waits for
it); counted from these rollups it is a read of a few thousand rows. ``event_day_counts`` holds the
events per (stored date, type), ``event_place_counts`` the events per (place, country) and the
smallest event id there (the map takes the place's coordinates from it). Both are filled here from
the stored events and kept by a trigger on ``events``, in the transaction that inserts the events,
whatever writes them (the store's writer, a bulk load). Nothing deletes or rewrites an event, so an
insert trigger is all they need. On PostgreSQL the trigger runs once per statement over its
inserted rows, upserting in key order so that concurrent writers take the row locks in one order.

The (actor_code, date, event) index answers "an actor's events per day and type in a date range"
from the index alone, as a range scan in date order.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEX = "ix_events_actor_code_date_event"
ID = sa.String(64)

FILL = (
    "INSERT INTO event_day_counts (date, event, n) "
    "SELECT date, event, count(*) FROM events WHERE date IS NOT NULL GROUP BY date, event",
    "INSERT INTO event_place_counts (place, country, n, sample_id) "
    "SELECT place, coalesce(country, ''), count(*), min(id) FROM events WHERE place IS NOT NULL "
    "GROUP BY place, coalesce(country, '')",
)

SQLITE_TRIGGER = """
CREATE TRIGGER events_rollups AFTER INSERT ON events BEGIN
  INSERT INTO event_day_counts (date, event, n) SELECT NEW.date, NEW.event, 1 WHERE NEW.date IS NOT NULL
    ON CONFLICT (date, event) DO UPDATE SET n = n + 1;
  INSERT INTO event_place_counts (place, country, n, sample_id)
    SELECT NEW.place, coalesce(NEW.country, ''), 1, NEW.id WHERE NEW.place IS NOT NULL
    ON CONFLICT (place, country) DO UPDATE SET n = n + 1, sample_id = min(sample_id, excluded.sample_id);
END
"""

POSTGRES_FUNCTION = """
CREATE FUNCTION chronique_events_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_day_counts (date, event, n)
    SELECT date, event, count(*) FROM new_events WHERE date IS NOT NULL GROUP BY date, event ORDER BY date, event
    ON CONFLICT (date, event) DO UPDATE SET n = event_day_counts.n + excluded.n;
  INSERT INTO event_place_counts (place, country, n, sample_id)
    SELECT place, coalesce(country, ''), count(*), min(id) FROM new_events WHERE place IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (place, country) DO UPDATE SET n = event_place_counts.n + excluded.n,
      sample_id = least(event_place_counts.sample_id, excluded.sample_id);
  RETURN NULL;
END $$
"""

POSTGRES_TRIGGER = ("CREATE TRIGGER events_rollups AFTER INSERT ON events REFERENCING NEW TABLE AS new_events "
                    "FOR EACH STATEMENT EXECUTE PROCEDURE chronique_events_rollups()")


def upgrade() -> None:
    op.create_table(
        "event_day_counts",
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("date", "event", name="pk_event_day_counts"),
    )
    op.create_table(
        "event_place_counts",
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("sample_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("place", "country", name="pk_event_place_counts"),
    )
    for statement in FILL:
        op.execute(statement)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        op.execute(SQLITE_TRIGGER)
    op.create_index(INDEX, "events", ["actor_code", "date", "event"])


def downgrade() -> None:
    op.drop_index(INDEX, table_name="events")
    op.execute("DROP TRIGGER IF EXISTS events_rollups" +
               (" ON events" if op.get_bind().dialect.name == "postgresql" else ""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS chronique_events_rollups()")
    op.drop_table("event_place_counts")
    op.drop_table("event_day_counts")
