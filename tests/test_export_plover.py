"""PLOVER export: the manual's field names, and the validator run on every exported record."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from chronique.errors import SchemaError
from chronique.export import to_plover, validate_plover, write
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Event, EventActor, EventLocation, TextInfo

# The "Data Fields" chapter of the PLOVER manual (record, entity, location and textInfo objects).
PLOVER_FIELDS = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
                 "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
                 "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
                 "size"}  # the manual's size object (dead, injured, arrested), listed for ASSAULT
CHRONIQUE_ADDITIONS = {"date_precision", "cameo", "modality", "speaker", "confidence", "sources"}


def make_event(eid: str = "e1", **changes: Any) -> Event:
    base = Event(
        id=eid, event="CONSULT", mode="visit", date="2031-04-02", date_precision="day",
        actor=EventActor(code="BOR", sector="GOV", entity_text="the Borovian minister", start=0, end=21),
        recipient=EventActor(code="ARD", entity_text="Ardenia", start=32, end=39),
        context=("diplomatic",), quad_code=1, cameo="042",
        event_loc=EventLocation(extracted_place="Vellmar", resolved_place="Vellmar", geonameid=101, lat=48.0,
                                lon=10.0, country_code="ARD", resolution=4),
        event_text="The Borovian minister visited Ardenia on Monday.", text_info=TextInfo(1, 0, 49),
        confidence=0.7, coder="chronique test", sources=("art-1",),
    )
    return replace(base, **changes)


def exported(events: list[Event], **kwargs: Any) -> list[dict[str, Any]]:
    out = io.StringIO()
    write("plover", events, out, **kwargs)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    for record in records:
        assert validate_plover(record) == []
    return records


def test_record_uses_the_manual_field_names() -> None:
    [record] = exported([make_event()])
    assert set(record) <= PLOVER_FIELDS | CHRONIQUE_ADDITIONS
    assert record["actor"] == [{"code": "BOR", "sector": "GOV", "entity_text": "the Borovian minister",
                                "identifier_id": None, "start": 0, "end": 21}]
    assert record["recipient"][0]["code"] == "ARD"
    assert record["event"] == ["CONSULT"] and record["mode"] == ["visit"]
    assert record["event_text"] == ["The Borovian minister visited Ardenia on Monday."]
    assert record["event_loc"]["geonameid"] == 101 and record["event_loc"]["resolution"] == 4
    assert record["text_info"] == {"sequence": 1, "start": 0, "end": 49}
    assert record["date"] == "2031-04-02" and "enddate" not in record


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2031-04", "2031-04-01", "2031-04-30"),
    ("2031", "2031-01-01", "2031-12-31"),
    ("2031-W14", "2031-03-31", "2031-04-06"),
])
def test_coarse_dates_become_a_date_range(value: str, start: str, end: str) -> None:
    [record] = exported([make_event(date=value, date_precision="month")])
    assert (record["date"], record["enddate"]) == (start, end)


def test_optional_parts_may_be_missing() -> None:
    [record] = exported([make_event(recipient=None, event_loc=None, mode="", context=(), quad_code=None)])
    assert record["recipient"] == [] and "event_loc" not in record and record["mode"] == []


@pytest.mark.parametrize(("change", "complaint"), [
    ({"id": ""}, "id:"),
    ({"date": "10/03/2031"}, "date:"),
    ({"date": "2031-02-30"}, "not a calendar date"),
    ({"enddate": "2030-01-01"}, "before date"),
    ({"actor": []}, "actor:"),
    ({"actor": [{"sector": "GOV"}]}, "code or an entity_text"),
    ({"actor": [{"code": 7}]}, "actor[0].code"),
    ({"recipient": {"code": "ARD"}}, "recipient:"),
    ({"event": ["PARTY"]}, "not one of"),
    ({"event": []}, "event:"),
    ({"mode": "visit"}, "mode:"),
    ({"quad_code": 5}, "quad_code"),
    ({"event_loc": {"lat": 123.0}}, "event_loc.lat"),
    ({"event_loc": {"resolution": 9}}, "event_loc.resolution"),
    ({"text_info": {"sequence": 1, "start": 9, "end": 3}}, "start 9 is after end 3"),
    ({"confidence": 1.5}, "confidence"),
    ({"modality": "rumoured"}, "modality"),
])
def test_validator_names_each_problem(change: dict[str, Any], complaint: str) -> None:
    record = to_plover(make_event())
    assert validate_plover(record) == []
    record.update(change)
    problems = validate_plover(record)
    assert problems and any(complaint in p for p in problems), problems


def test_validator_rejects_non_objects_and_the_minimal_record_passes() -> None:
    assert validate_plover([1, 2]) == ["expected a JSON object, found list"]
    minimal = {"id": "PHOXv1-20160724-0042", "date": "2016-07-24", "actor": [{"code": "USA"}],
               "recipient": [{"code": "CAN"}], "event": ["CONSULT"]}
    assert validate_plover(minimal) == []


def test_undated_event_goes_through_the_failure_policy() -> None:
    undated = make_event("e2", date=None)
    with pytest.raises(SchemaError, match="date: expected a YYYY-MM-DD"):
        write("plover", [make_event(), undated], io.StringIO())
    report = RunReport()
    assert len(exported([make_event(), undated], policy=FailurePolicy.RECORD, report=report)) == 1
    assert report.skipped == 1 and report.failures[0].record == "1"
    assert len(exported([undated], policy=FailurePolicy.SKIP))  == 0


@pytest.mark.model
def test_canonical_example_exports_valid_plover(pipeline: Any, seed_article: Path) -> None:
    extraction = pipeline.extract(seed_article.read_text(encoding="utf-8"), lang="fr", published="2022-06-26")
    dated = [e for e in extraction.events if e.date]
    records = exported(dated)
    assert len(records) == len(dated)
