"""People the knowledge base does not list: coded with the country the text supports.

A named person the actor dictionaries do not hold ("Valérie Pécresse a critiqué…", "a spokesman,
Sean Spicer, said") is still a party of the act, and news tells of people where they act: the
person takes the country in focus of the sentence, else the nearest place's country, else the
country the article's places name most (``home_country``, as for unlisted bodies). No country at
all leaves the person uncoded (no UNK: a person with no country is no better coded than named).
Such a person is marked ``_unlisted`` (two unknown people of one country stay two parties) and
``_focus`` (the country is the context's, so the person is never taken for that country's state).
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention, PlaceMention
from chronique.coding.unlisted import home_country

PERSON_ENTS = frozenset({"PERSON", "PER"})


def is_unlisted_person(doc: Doc, mention: ActorMention) -> bool:
    """An uncoded person of the actor stage, or an uncoded entity the parser reads as a person."""
    if mention.get("code") or mention.get("sector"):
        return False
    if mention.get("kind") == "person":
        return True
    if mention.get("kind") != "entity":
        return False
    span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return span is not None and span.root.ent_type_ in PERSON_ENTS


def is_focus_person(mention: ActorMention) -> bool:
    """A person coded here: the country is a guess from the context, so the record ranks as one with
    an uncoded party (the confidence floor keeps the same records as before the code was guessed)."""
    return bool(mention.get("_person_focus"))


def coded_person(doc: Doc, mention: ActorMention, places: list[PlaceMention],
                 foci: dict[int, str]) -> ActorMention:
    """``mention`` with the country of its context, or unchanged when the text gives none."""
    code = home_country(doc, int(mention["start"]), places, foci)
    if not code:
        return mention
    return {**mention, "code": code, "name": mention.get("name") or mention.get("text") or "",
            "_unlisted": True, "_focus": True, "_person_focus": True}
