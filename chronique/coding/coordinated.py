"""A joint act of a coordinated subject ("Jordan and Britain agreed to hold exercises", "la France et
l'Allemagne se sont rencontrées à Berlin"): the two sides are each other's recipient.

Read on plv-train (train): a symmetric act (consult, cooperate, agree, support) whose subject
coordinates two parties got its recipient from the proximity guess when the parse named none, most
often a party of a nested phrase ("… to share information on North Korea"), so the record lost the
other side. With two distinct parties in the parsed subject, no guess is made: the record pairs
the first party with the other (rules._pairs), and ranks as one with no recipient, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from chronique.annotations.records import ActorMention
from chronique.coding.mentions import party_key
from chronique.coding.role_parse import Roles

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})  # acts both sides do to each other


def joint_act(event: str, roles: Roles, same_side: Callable[[ActorMention, ActorMention], bool]) -> bool:
    """The act is symmetric and its parsed subject names two coded parties of two sides (not "Russian
    President Putin": a person and their own state are one side)."""
    coded = [a for a in roles.sources if a.get("code")]
    if event not in SYMMETRIC or not roles.source_parsed or len({party_key(a) for a in coded}) < 2:
        return False
    return any(not same_side(coded[0], other) for other in coded[1:])
