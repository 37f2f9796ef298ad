"""The events stage merges a headline's twin in the lead only among the events it keeps."""

from __future__ import annotations

from typing import Any, cast

import spacy
from spacy.tokens import Doc

from chronique.annotations.extensions import register_extensions
from chronique.annotations.records import EventRecord
from chronique.knowledge.cameo import load_cameo_table
from chronique.nlp.events import EventCoder

TEXT = "Chad condemns raid on border post\nChad's government condemned on Sunday the raid on a border post."


def _event(start: int, sequence: int, confidence: float, recipient: bool) -> EventRecord:
    record: dict[str, Any] = {
        "event": "ACCUSE", "modality": "asserted", "confidence": confidence, "cameo": "111",
        "actor": {"code": "TCD", "sector": "GOV", "start": start},
        "recipient": {"code": "TCD", "sector": "MIL"} if recipient else None,
        "text_info": {"sequence": sequence, "start": start, "end": start + 10},
    }
    return cast(EventRecord, record)


def _stage() -> EventCoder:
    stage = EventCoder("en")
    stage.table, stage.min_confidence = load_cameo_table(), 0.5
    stage.relevance_gate, stage.event_check = False, False
    return stage


def _doc() -> Doc:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(TEXT)


def test_a_lead_twin_under_the_floor_does_not_replace_the_headline_event() -> None:
    head = _event(0, 0, 0.8, False)
    lead = _event(TEXT.index("Chad's"), 1, 0.3, True)  # fuller parties, but under the floor
    assert _stage().kept(_doc(), [head, lead]) == [head]


def test_twins_above_the_floor_keep_the_fuller_one() -> None:
    head = _event(0, 0, 0.8, False)
    lead = _event(TEXT.index("Chad's"), 1, 0.7, True)
    assert _stage().kept(_doc(), [head, lead]) == [lead]
