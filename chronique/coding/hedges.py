"""A word of accusation that qualifies a noun hedges it ("the alleged killer", "suspected police
stations", "le prétendu complot"): the report keeps its distance from a claim, it tells no act of
accusing. Such a reading (CAMEO 11, disapprove or accuse, on a trigger that is an adjectival
modifier of a noun) is no event of the report's own; "X alleged that …" and "accused X of …",
whose trigger is a verb of the clause, are left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.annotations.records import EventRecord

ACCUSE_ROOT = "11"
MODIFIER_DEPS = frozenset({"amod"})
NOUNS = frozenset({"NOUN", "PROPN"})


def hedge(head: Token, event: EventRecord) -> bool:
    """The accusation word at ``head`` only qualifies a noun."""
    return (str(event.get("cameo") or "").startswith(ACCUSE_ROOT) and head.dep_ in MODIFIER_DEPS
            and head.head.i != head.i and head.head.pos_ in NOUNS)
