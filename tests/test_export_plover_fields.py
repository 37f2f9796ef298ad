"""PLOVER export, the standard's extra fields: cite_info, size from stated casualties, IGO codes,
and the JSON-array layout. Sentences written for these tests."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from chronique.export import validate_plover, write
from chronique.export.casualties import casualties
from chronique.export.flat import ArticleRef, EventEntry
from chronique.export.plover import to_plover
from chronique.schema import Event, EventActor, TextInfo


def assault(text: str) -> Event:
    return Event(id="a1", event="ASSAULT", actor=EventActor(code="ARD", sector="MIL"),
                 recipient=EventActor(code="BOR"), event_text=text, text_info=TextInfo(1, 0, len(text)),
                 date="2031-05-04", date_precision="day", quad_code=4, cameo="190", coder="chronique test",
                 sources=("art-9",))


@pytest.mark.parametrize(("text", "dead", "injured", "arrested"), [
    ("Ardenian shelling killed 14 villagers near the Borovian border.", 14, None, None),
    ("Nine soldiers were killed and 23 others wounded when the convoy was hit.", 9, 23, None),
    ("La frappe a fait trois morts et douze blessés dans le village.", 3, 12, None),
    ("Vingt et un manifestants ont été interpellés devant le parlement.", None, None, 21),
    ("Police arrested at least 1,200 protesters across the capital.", None, None, 1200),
])
def test_casualties_stated_in_words_or_digits(text: str, dead: int | None, injured: int | None,
                                              arrested: int | None) -> None:
    found = casualties(text)
    assert found is not None and (found.dead, found.injured, found.arrested) == (dead, injured, arrested)


@pytest.mark.parametrize("text", [
    "In 2031 the militia killed its rivals, the ministry said.",  # a year is not a count
    "No one was killed in the blast at the depot.",
    "Ardenia signed 2 agreements with Borovia.",
])
def test_no_casualties_where_none_are_counted(text: str) -> None:
    assert casualties(text) is None


def test_size_only_on_material_conflict_events() -> None:
    record = to_plover(assault("The raid killed six fighters and injured two guards."))
    assert record["size"] == {"dead": 6, "injured": 2}
    assert validate_plover(record) == []
    talk = replace(assault("The minister said 30 people were killed last year."), event="CONSULT", quad_code=1)
    assert "size" not in to_plover(talk)


def test_cite_info_names_the_source_article() -> None:
    ref = ArticleRef("art-9", url="https://news.example/raid", title="Raid on the border")
    record = to_plover(assault("The raid hit the depot."), ref)
    assert record["cite_info"] == {"citation": "art-9", "url": "https://news.example/raid",
                                   "title": "Raid on the border", "coder": "chronique test",
                                   "codebook": "plover-base"}
    bare = to_plover(assault("The raid hit the depot."))
    assert bare["cite_info"]["citation"] == "art-9" and "url" not in bare["cite_info"]


def test_organisations_take_the_standard_igo_codes() -> None:
    event = replace(assault("NATO aircraft struck the depot."), actor=EventActor(code="NATO", sector="MIL"),
                    recipient=EventActor(code="UN"))
    record = to_plover(event)
    assert record["actor"][0]["code"] == "IGO" and record["actor"][0]["sector"] == "WSTNAT"
    assert record["actor"][0]["chronique_code"] == "NATO"
    assert record["recipient"][0]["code"] == "IGO" and record["recipient"][0]["sector"] == "UNO"
    assert to_plover(assault("x"))["actor"][0] == {"code": "ARD", "sector": "MIL", "entity_text": None,
                                                    "identifier_id": None, "start": None, "end": None}


def test_bad_cite_info_and_size_are_reported() -> None:
    record = to_plover(assault("The raid hit the depot."))
    record["cite_info"] = {"url": 3}
    record["size"] = {"dead": -1}
    problems = validate_plover(record)
    assert any("cite_info.url" in p for p in problems) and any("size.dead" in p for p in problems)


def test_json_array_layout() -> None:
    out = io.StringIO()
    events = [EventEntry(assault("The raid hit the depot.")), replace(assault("A second raid."), id="a2")]
    assert write("plover", events, out, plover_layout="json") == 2
    records = json.loads(out.getvalue())
    assert [r["id"] for r in records] == ["a1", "a2"]
    empty = io.StringIO()
    write("plover", [], empty, plover_layout="json")
    assert json.loads(empty.getvalue()) == []
