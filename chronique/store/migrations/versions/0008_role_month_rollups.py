"""Monthly rollups per actor and per recipient, for an actor's (or a recipient's) timeline.

The timeline of one actor over a few years grouped the actor's events on every request (thousands
of index entries, the largest part of the answer's CPU). ``event_actor_month_counts`` holds the
events per (actor code, month, type) and ``event_recipient_month_counts`` the same per recipient
code; the month is ``substr(date, 1, 7)`` ("2022-06", or a shorter stored date as it is), as the
monthly timeline groups. A range's whole months are read from them, its first and last months
from the events (views.role_month_counts), so the answer equals a grouping of the events.

Both are filled here from the stored events and kept by triggers on ``events`` in the writing
transaction, whatever writes: an insert adds, a delete subtracts, an update of the date, type or
codes moves the count (a count that reaches 0 is deleted, so the rollups equal the grouped events
row for row). On PostgreSQL the triggers run once per statement over its transition tables,
upserting in key order so that concurrent writers take the row locks in one order.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ROLES = (("event_actor_month_counts", "actor_code"), ("event_recipient_month_counts", "recipient_code"))


def _fill(table: str, column: str) -> str:
    return (f"INSERT INTO {table} (code, month, event, n) SELECT {column}, substr(date, 1, 7), event, count(*) "
            f"FROM events WHERE {column} IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3")


def _sqlite_add(table: str, column: str) -> str:
    return (f"INSERT INTO {table} (code, month, event, n) SELECT NEW.{column}, substr(NEW.date, 1, 7), NEW.event, 1 "
            f"WHERE NEW.{column} IS NOT NULL AND NEW.date IS NOT NULL "
            "ON CONFLICT (code, month, event) DO UPDATE SET n = n + 1;")


def _sqlite_sub(table: str, column: str) -> str:
    key = f"code = OLD.{column} AND month = substr(OLD.date, 1, 7) AND event = OLD.event"
    return f"UPDATE {table} SET n = n - 1 WHERE {key};\n  DELETE FROM {table} WHERE {key} AND n <= 0;"


def _sqlite_triggers() -> list[str]:
    add = "\n  ".join(_sqlite_add(t, c) for t, c in ROLES)
    sub = "\n  ".join(_sqlite_sub(t, c) for t, c in ROLES)
    return [
        f"CREATE TRIGGER events_role_months_insert AFTER INSERT ON events BEGIN\n  {add}\nEND",
        f"CREATE TRIGGER events_role_months_delete AFTER DELETE ON events BEGIN\n  {sub}\nEND",
        "CREATE TRIGGER events_role_months_update AFTER UPDATE OF date, event, actor_code, recipient_code ON events "
        f"BEGIN\n  {sub}\n  {add}\nEND",
    ]


def _pg_add(table: str, column: str) -> str:
    return (f"INSERT INTO {table} (code, month, event, n) "
            f"SELECT {column}, substr(date, 1, 7), event, count(*) FROM new_events "
            f"WHERE {column} IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 "
            f"ON CONFLICT (code, month, event) DO UPDATE SET n = {table}.n + excluded.n;")


def _pg_sub(table: str, column: str) -> str:
    gone = (f"SELECT {column} AS code, substr(date, 1, 7) AS month, event, count(*) AS n FROM old_events "
            f"WHERE {column} IS NOT NULL AND date IS NOT NULL GROUP BY 1, 2, 3")
    key = "r.code = g.code AND r.month = g.month AND r.event = g.event"
    return (f"UPDATE {table} AS r SET n = r.n - g.n FROM ({gone}) AS g WHERE {key};\n"
            f"    DELETE FROM {table} AS r USING ({gone}) AS g WHERE {key} AND r.n <= 0;")


def _pg_function() -> str:
    add = "\n    ".join(_pg_add(t, c) for t, c in ROLES)
    sub = "\n    ".join(_pg_sub(t, c) for t, c in ROLES)
    # a transition table exists only for its own trigger's event: each branch names only its own
    return f"""
CREATE FUNCTION chronique_events_role_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {sub}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {add}
  END IF;
  RETURN NULL;
END $$
"""


# one trigger per event: PostgreSQL allows transition tables only on a trigger of a single event
PG_TRIGGERS = {
    "insert": "AFTER INSERT ON events REFERENCING NEW TABLE AS new_events",
    "delete": "AFTER DELETE ON events REFERENCING OLD TABLE AS old_events",
    "update": "AFTER UPDATE ON events REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events",
}


def upgrade() -> None:
    for table, _ in ROLES:
        op.create_table(
            table,
            sa.Column("code", sa.String(32), nullable=False),
            sa.Column("month", sa.String(10), nullable=False),
            sa.Column("event", sa.String(16), nullable=False),
            sa.Column("n", sa.Integer, nullable=False),
            sa.PrimaryKeyConstraint("code", "month", "event", name=f"pk_{table}"),
        )
    for table, column in ROLES:
        op.execute(_fill(table, column))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_pg_function())
        for name, when in PG_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER events_role_months_{name} {when} "
                       "FOR EACH STATEMENT EXECUTE PROCEDURE chronique_events_role_months()")
    else:
        for statement in _sqlite_triggers():
            op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name in PG_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS events_role_months_{name}" + (" ON events" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS chronique_events_role_months()")
    for table, _ in ROLES:
        op.drop_table(table)
