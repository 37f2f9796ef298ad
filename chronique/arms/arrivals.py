"""Weapons that arrive in a state ("the first Abrams tanks from the United States have arrived in
Ukraine", "les premiers F-16 promis par le Danemark sont arrivés en Ukraine"): a delivery to the
state they arrive in, from the party the weapons' own phrase names after "from/by/par" or as their
owner ("Germany's Leopard 2 tanks", "les chars Abrams des États-Unis").

Not a delivery: weapons that arrive with or as the forces of a party the phrase names bare or as a
demonym ("American troops and their Abrams tanks", "des Rafale français"), weapons that arrive for
an exercise or a mission, and arrivals at a place that is no state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from chronique.arms.assign import Sides
from chronique.arms.frames import Party
from chronique.knowledge.arms_words import arms_words
from chronique.knowledge.datafiles import read_data_csv

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
PHRASE_DEPS = frozenset({"conj", "pobj", "prep", "nmod", "compound", "appos", "amod", "flat", "flat:name", "nummod"})
# (the dependencies climbed up the weapon's noun phrase: "canons Caesar", "the first batch of … tanks"; a designation
# the tagger reads as a number hangs on its noun as nummod: "F-16 jets")
MAX_UP = 4
SUCCESSORS = {"SUN": "RUS"}  # a maker state's successor makes its weapons ("Russia's T-72 tanks")
POSSESSIVE = frozenset({"'s", "’s", "'"})  # "the first batch of Leopard 2 tanks" → "batch"


@dataclass(frozen=True)
class Arrival:
    sides: Sides
    verb: Token  # the arrival verb (its modality and date are the delivery's)


@cache
def _states() -> frozenset[str]:
    return frozenset(row["iso3"] for row in read_data_csv("countries.csv"))


def _subject(root: Token) -> Token | None:
    """The subject of an arrival verb that the weapon's noun phrase heads or lies in."""
    cur = root
    for _ in range(MAX_UP):
        if cur.dep_ in SUBJECTS:
            return cur if cur.head.lemma_.lower() in arms_words().arrival_verbs else None
        if cur.dep_ not in PHRASE_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def owns(party: Party, doc: Doc, span: tuple[int, int]) -> bool:
    """The party is the weapons' owner: a possessive before them ("Germany's Leopard 2 tanks") or a
    genitive after them ("les chars Abrams des États-Unis", "the tanks of Germany")."""
    if party.start >= span[1]:
        i = party.start - 1
        while i > span[1] and doc[i].pos_ == "DET":
            i -= 1
        return party.before in arms_words().buyer_source_words or doc[i].lower_ == "of"
    return party.end < len(doc) and party.end <= span[0] and doc[party.end].lower_ in POSSESSIVE


def arrival(root: Token, span: tuple[int, int], parties: list[Party], origin: str | None = None) -> Arrival | None:
    """The delivery an arrival of the weapon at ``span`` (``root`` its head token) tells; None for
    no arrival, an arrival of a party's own forces, or one at no state. An owner that is not the
    weapon's maker (``origin``, the catalogue's) holds weapons it bought: "Poland's K2 tanks arrived
    in Lithuania" moves its own forces, while "Germany's Leopard 2 tanks" may be its deliveries."""
    words = arms_words()
    subject = _subject(root)
    if subject is None:
        return None
    verb, sent = subject.head, subject.sent
    if any(t.lemma_.lower() in words.mission_words or t.lower_ in words.mission_words for t in sent):
        return None  # "arrived in Poland for NATO exercises": a deployment
    phrase = range(subject.left_edge.i, subject.right_edge.i + 1)
    supplier = None
    for party in parties:
        if party.start not in phrase or (span[0] <= party.start < span[1] and not party.adjective):
            continue
        owner = owns(party, root.doc, span) and party.before not in words.from_words | words.agent_words
        if owner and origin and party.code not in (origin, SUCCESSORS.get(origin)):
            return None  # a user's own weapons, not its maker's deliveries
        giver = party.before in words.from_words | words.agent_words or owner
        if giver and not party.adjective:
            supplier = supplier or party.code
        else:
            return None  # "American troops and their tanks", "des Rafale français": the party's own forces
    places = words.place_words | words.to_words
    recipient = next((p.code for p in parties if p.start > verb.i and p.before in places and not p.adjective
                      and p.code in _states() and p.code != supplier), None)
    return Arrival(Sides(supplier, recipient), verb) if recipient is not None else None
