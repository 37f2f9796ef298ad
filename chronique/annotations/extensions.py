"""Doc extensions: plain, serialisable data only, so Docs survive n_process>1 and Ray.

Each chronique stage writes a list of dicts shaped like the schema record's ``to_dict()`` (offsets
in the Doc's own coordinates); ``convert.py`` is the only bridge from a Doc to schema objects.
"""

from __future__ import annotations

from typing import Any, Literal, overload

from spacy.tokens import Doc

from chronique.annotations.records import (
    ActorMention,
    EventRecord,
    FurnitureRecord,
    PlaceMention,
    TimeRecord,
    TransferRecord,
    WeaponRecord,
)

# ch_furniture: page-furniture spans (bylines, credits, captions, the dateline) set with the sentences
LIST_EXTENSIONS = ("ch_actors", "ch_places", "ch_times", "ch_weapons", "ch_events", "ch_transfers",
                   "ch_furniture")
# ch_relevance: the relevance gate's assessment of the article (a RelevanceRecord), internal: the
# public Extraction has no place for it
VALUE_EXTENSIONS = ("ch_published", "ch_article_id", "ch_lang", "ch_focus", "ch_relevance")


def register_extensions() -> None:
    """Idempotent: spaCy's extension registry is global to the process."""
    for name in LIST_EXTENSIONS + VALUE_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@overload
def get_list(doc: Doc, name: Literal["ch_actors"]) -> list[ActorMention]: ...
@overload
def get_list(doc: Doc, name: Literal["ch_places"]) -> list[PlaceMention]: ...
@overload
def get_list(doc: Doc, name: Literal["ch_times"]) -> list[TimeRecord]: ...
@overload
def get_list(doc: Doc, name: Literal["ch_weapons"]) -> list[WeaponRecord]: ...
@overload
def get_list(doc: Doc, name: Literal["ch_events"]) -> list[EventRecord]: ...
@overload
def get_list(doc: Doc, name: Literal["ch_transfers"]) -> list[TransferRecord]: ...
@overload
def get_list(doc: Doc, name: Literal["ch_furniture"]) -> list[FurnitureRecord]: ...
def get_list(doc: Doc, name: str) -> list[Any]:
    """The list an earlier stage wrote, or an empty one when that stage did not run."""
    value = getattr(doc._, name)
    return list(value) if value else []


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once: spaCy rebuilds it from every token on each access, and the
    coder asks for it per event."""
    cached = doc.user_data.get("chronique.text")
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data["chronique.text"] = (len(doc), doc.text)
    return str(cached[1])
