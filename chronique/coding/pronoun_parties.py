"""Events whose party is a pronoun the text does not resolve are not kept.

The pronoun resolver (chronique.coding.pronouns) leaves a pronoun uncoded when no antecedent agrees
or several do ("il s'est agressé à un groupe de CRS" after "un homme", who is no actor mention; "elle
s'était excusée" with two women named before). Such an event says that someone did something, but
not who: on fr-wikinews-train none of them matched a gold event, and on the judged pages they were
wrong too. Dropping the whole event, rather than the party alone, is what measured better: an
event with its doer left out reads as the act of no one, and its recipient alone is seldom the
gold one (docs/accuracy.md, "Parties named elsewhere").
"""

from __future__ import annotations

from chronique.annotations.records import EventParty, EventRecord


def unresolved(party: EventParty | None) -> bool:
    return bool(party and party.get("_unresolved"))


def resolved_only(events: list[EventRecord]) -> list[EventRecord]:
    """The events none of whose parties is a pronoun left unresolved."""
    return [e for e in events if not unresolved(e.get("actor")) and not unresolved(e.get("recipient"))]
