"""What the coder's readings must pass before they are events of the article.

Three checks, each its own module: page furniture (a byline, credit, caption or dateline is no
event, and a news agency is the teller of an act, never its doer), sense checks (idioms and
non-political senses of ambiguous triggers), and the relevance gate (an article with no political
or security content gives no events); then an act dated after the publication is a future one,
whatever tense it was told in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from chronique.annotations.records import EventParty, EventRecord, FurnitureRecord
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.relevance import RelevanceCues, load_relevance
from chronique.knowledge.senses import SenseRule, load_senses
from chronique.nlp.extensions import get_list
from chronique.nlp.furniture import default_patterns, in_furniture
from chronique.nlp.relevance import assess, gate
from chronique.nlp.senses import check_senses


@dataclass(frozen=True)
class ScreenKnowledge:
    relevance: RelevanceCues
    senses: dict[str, tuple[SenseRule, ...]]


@lru_cache(maxsize=1)
def default_screen_knowledge() -> ScreenKnowledge:
    # immutable data, read once per process on first use
    return ScreenKnowledge(load_relevance(), load_senses())


def outlet_actor(event: EventRecord, outlets: frozenset[str]) -> bool:
    """Whether the event's actor is a news agency or outlet (the teller, not a doer)."""
    actor = event.get("actor") or {}
    text = str(actor.get("entity_text") or "").lower().strip()
    return bool(text) and (text in outlets or text.removeprefix("the ") in outlets)


def _in_furniture(event: EventRecord, furniture: list[FurnitureRecord]) -> bool:
    info = event.get("text_info")
    start, end = (int(info.get("start", 0)), int(info.get("end", 0))) if info else (0, 0)
    if in_furniture(start, end, furniture):
        return True
    return any(_party_in_furniture(p, furniture) for p in (event.get("actor"), event.get("recipient")))


def _party_in_furniture(party: EventParty | None, furniture: list[FurnitureRecord]) -> bool:
    """Whether a party with a mention lies in page furniture (a country party has none)."""
    if party is None:
        return False
    start, end = party.get("start"), party.get("end")
    return start is not None and end is not None and in_furniture(int(start), int(end), furniture)


def after_publication(date: str | None, published: str | None) -> bool:
    """Whether an event date lies after the publication date, compared at the coarser precision
    ("2027" is after "2024-05-01"; "2024" is not)."""
    if not date or not published:
        return False
    size = min(len(date), len(published))
    return date[:size] > published[:size]


def _future_modality(events: list[EventRecord], published: str | None) -> list[EventRecord]:
    """An act dated after publication has not happened yet: told as done, it is a future one."""
    return [{**e, "modality": "future"}
            if e.get("modality") == "asserted" and after_publication(e.get("date"), published) else e
            for e in events]


def screen_events(doc: Doc, events: list[EventRecord], lang: str, table: CameoTable,
                  knowledge: ScreenKnowledge | None = None, *, relevance_gate: bool = True) -> list[EventRecord]:
    """The coder's ``events`` that are events of the article. The article's relevance is assessed
    and kept on the Doc (``ch_relevance``) either way; with ``relevance_gate`` off it drops nothing."""
    knowledge = knowledge or default_screen_knowledge()
    relevance = assess(doc, knowledge.relevance, lang)
    doc._.ch_relevance = relevance
    if not events:
        return events
    furniture = get_list(doc, "ch_furniture")
    outlets = default_patterns().outlets
    kept = [e for e in events if not _in_furniture(e, furniture) and not outlet_actor(e, outlets)]
    kept = check_senses(doc, kept, knowledge.senses.get(lang, ()), table)
    if relevance_gate:
        kept = gate(doc, kept, knowledge.relevance, lang, relevance)
    return _future_modality(kept, doc._.ch_published)
