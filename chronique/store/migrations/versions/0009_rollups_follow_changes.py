"""The day and place rollups of 0007 follow deletes and updates of events, not only inserts.

0007 kept ``event_day_counts`` and ``event_place_counts`` by an insert trigger: chronique itself
never deletes or rewrites an event, but a store is a database that people maintain by hand (a
batch removed, a date corrected, a bulk ``UPDATE`` or PostgreSQL's ``MERGE``), and the whole-store
timeline and map would then count events that are gone. These triggers make the rollups equal a
grouping of the events row for row after any change: a delete subtracts (a count that reaches 0 is
deleted), an update of a counted column (date, type, place, country, id) subtracts the old row and
adds the new one. A place's ``sample_id`` (its smallest event id, whose coordinates the map shows)
is looked up again among the place's remaining events when the event deleted or moved was it: a
scan of the events (there is no index on place), paid only by such a change, never by an ingest.
The upgrade first counts both rollups again from the events, so that a store changed while it was
at 0007 or 0008 (or brought back to one by `chronique db downgrade` and changed there) starts exact.

On SQLite, ``INSERT OR REPLACE`` deletes the row it replaces without firing delete triggers unless
``PRAGMA recursive_triggers`` is on (SQLite's rule, for every trigger of the store, 0008's too):
rewrite an event with ``UPDATE`` or an upsert (``ON CONFLICT … DO UPDATE`` fires the update
trigger), never ``REPLACE``. On PostgreSQL the triggers run once per statement over its transition
tables (a ``MERGE`` fires the insert, update and delete ones for the rows of each action).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COUNTED = "date, event, place, country, id"  # the columns a rollup row depends on
_PLACE = "place = {r}.place AND country = coalesce({r}.country, '')"
_SAMPLE = ("(SELECT min(id) FROM events WHERE place = {r}.place AND coalesce(country, '') = "
           "coalesce({r}.country, ''))")


def _sqlite_sub() -> str:
    day = "date = OLD.date AND event = OLD.event"
    place = _PLACE.format(r="OLD")
    return "\n  ".join([
        f"UPDATE event_day_counts SET n = n - 1 WHERE {day};",
        f"DELETE FROM event_day_counts WHERE {day} AND n <= 0;",
        f"UPDATE event_place_counts SET n = n - 1 WHERE {place};",
        f"DELETE FROM event_place_counts WHERE {place} AND n <= 0;",
        # the row is gone (delete) or holds its new values (update): the place's smallest id now
        f"UPDATE event_place_counts SET sample_id = {_SAMPLE.format(r='OLD')} WHERE {place} AND sample_id = OLD.id;",
    ])


# as 0007's insert trigger, for the new values of an updated row
SQLITE_ADD = """INSERT INTO event_day_counts (date, event, n) SELECT NEW.date, NEW.event, 1 WHERE NEW.date IS NOT NULL
    ON CONFLICT (date, event) DO UPDATE SET n = n + 1;
  INSERT INTO event_place_counts (place, country, n, sample_id)
    SELECT NEW.place, coalesce(NEW.country, ''), 1, NEW.id WHERE NEW.place IS NOT NULL
    ON CONFLICT (place, country) DO UPDATE SET n = n + 1, sample_id = min(sample_id, excluded.sample_id);"""

SQLITE_TRIGGERS = {
    "delete": f"AFTER DELETE ON events BEGIN\n  {_sqlite_sub()}\nEND",
    "update": f"AFTER UPDATE OF {COUNTED} ON events BEGIN\n  {_sqlite_sub()}\n  {SQLITE_ADD}\nEND",
}

_OLD_DAYS = "SELECT date, event, count(*) AS n FROM old_events WHERE date IS NOT NULL GROUP BY 1, 2"
_OLD_PLACES = ("SELECT place, coalesce(country, '') AS country, count(*) AS n FROM old_events "
               "WHERE place IS NOT NULL GROUP BY 1, 2")
_DAY_KEY = "r.date = g.date AND r.event = g.event"
_PLACE_KEY = "r.place = g.place AND r.country = g.country"

POSTGRES_FUNCTION = f"""
CREATE FUNCTION chronique_events_rollups_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_day_counts AS r SET n = r.n - g.n FROM ({_OLD_DAYS}) AS g WHERE {_DAY_KEY};
  DELETE FROM event_day_counts AS r USING ({_OLD_DAYS}) AS g WHERE {_DAY_KEY} AND r.n <= 0;
  UPDATE event_place_counts AS r SET n = r.n - g.n FROM ({_OLD_PLACES}) AS g WHERE {_PLACE_KEY};
  DELETE FROM event_place_counts AS r USING ({_OLD_PLACES}) AS g WHERE {_PLACE_KEY} AND r.n <= 0;
  UPDATE event_place_counts AS r
    SET sample_id = (SELECT min(e.id) FROM events AS e WHERE e.place = r.place AND coalesce(e.country, '') = r.country)
    WHERE r.sample_id IN (SELECT id FROM old_events);
  IF TG_OP = 'UPDATE' THEN  -- a transition table exists only for its trigger's event
    INSERT INTO event_day_counts (date, event, n)
      SELECT date, event, count(*) FROM new_events WHERE date IS NOT NULL GROUP BY date, event ORDER BY date, event
      ON CONFLICT (date, event) DO UPDATE SET n = event_day_counts.n + excluded.n;
    INSERT INTO event_place_counts (place, country, n, sample_id)
      SELECT place, coalesce(country, ''), count(*), min(id) FROM new_events WHERE place IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (place, country) DO UPDATE SET n = event_place_counts.n + excluded.n,
        sample_id = least(event_place_counts.sample_id, excluded.sample_id);
  END IF;
  RETURN NULL;
END $$
"""

# one trigger per event: PostgreSQL allows transition tables only on a trigger of a single event
POSTGRES_TRIGGERS = {
    "delete": "AFTER DELETE ON events REFERENCING OLD TABLE AS old_events",
    "update": "AFTER UPDATE ON events REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events",
}


RECOUNT = (
    "DELETE FROM event_day_counts",
    "INSERT INTO event_day_counts (date, event, n) "
    "SELECT date, event, count(*) FROM events WHERE date IS NOT NULL GROUP BY date, event",
    "DELETE FROM event_place_counts",
    "INSERT INTO event_place_counts (place, country, n, sample_id) "
    "SELECT place, coalesce(country, ''), count(*), min(id) FROM events WHERE place IS NOT NULL "
    "GROUP BY place, coalesce(country, '')",
)


def upgrade() -> None:
    for statement in RECOUNT:
        op.execute(statement)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for name, when in POSTGRES_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER events_rollups_{name} {when} "
                       "FOR EACH STATEMENT EXECUTE PROCEDURE chronique_events_rollups_change()")
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER events_rollups_{name} {body}")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name in POSTGRES_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS events_rollups_{name}" + (" ON events" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS chronique_events_rollups_change()")
