"""The headline/lead merge runs on the events that pass the confidence floor."""

from __future__ import annotations

from typing import Any, cast

import spacy

from chronique.annotations.records import EventRecord
from chronique.nlp.events import kept_events

TEXT = "Chad condemns raid on border post\nChad's government condemned on Sunday the raid on a border post."


def _event(start: int, sequence: int, confidence: float, recipient: bool) -> EventRecord:
    record: dict[str, Any] = {
        "event": "ACCUSE", "modality": "asserted", "confidence": confidence,
        "actor": {"code": "TCD", "sector": "GOV", "start": start},
        "recipient": {"code": "TCD", "sector": "MIL"} if recipient else None,
        "text_info": {"sequence": sequence, "start": start, "end": start + 10},
    }
    return cast(EventRecord, record)


def test_a_lead_twin_under_the_floor_does_not_replace_the_headline_event() -> None:
    doc = spacy.blank("en")(TEXT)
    head = _event(0, 0, 0.8, False)
    lead = _event(TEXT.index("Chad's"), 1, 0.3, True)  # fuller parties, but under the floor
    kept = kept_events([head, lead], doc, 0.5)
    assert kept == [head]


def test_twins_above_the_floor_keep_the_fuller_one() -> None:
    doc = spacy.blank("en")(TEXT)
    head = _event(0, 0, 0.8, False)
    lead = _event(TEXT.index("Chad's"), 1, 0.7, True)
    assert kept_events([head, lead], doc, 0.5) == [lead]
