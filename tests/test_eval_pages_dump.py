"""The judging dump: one row per event with its key and current verdict (written under tmp_path)."""

from __future__ import annotations

import csv
from pathlib import Path

from chronique.eval.pages_dump import COLUMNS, dump_rows, main, write_dump
from chronique.eval.pages_judged import event_key, parse_judged_set
from chronique.schema import Article, Event, EventActor, Extraction, TextInfo


def _event(kind: str, actor: str, code: str, text: str, recipient: EventActor | None = None) -> Event:
    return Event(id="e", event=kind, actor=EventActor(code=code, entity_text=actor), recipient=recipient,
                 event_text=text, text_info=TextInfo(sequence=1, start=0, end=len(text)), confidence=0.7)


SHELL = _event("ASSAULT", "Norland", "NRL", "Norland shelled\nthe port.",
               EventActor(code="SLD", entity_text="Sildavia"))
CREDIT = _event("AID", "Jane Doe", "", "Jane Doe contributed to this report.")
NEW = _event("SUPPORT", "Norland", "NRL", "Norland backed the plan.")
JUDGED = parse_judged_set({"pages": [
    {"file": "a.html", "split": "look", "political": True,
     "events": {event_key(SHELL): True, event_key(CREDIT): False}},
    {"file": "b.html", "split": "look", "political": False},
    {"file": "c.html", "split": "look", "political": True},
]})


def _extraction(*events: Event) -> Extraction:
    return Extraction(article=Article.create("x", language="en"), events=events)


def test_rows_carry_key_verdict_and_parties(tmp_path: Path) -> None:
    found = {"a.html": _extraction(SHELL, CREDIT, NEW), "b.html": _extraction(NEW)}  # c.html: rejected
    out = tmp_path / "dump.tsv"
    assert write_dump(dump_rows(JUDGED.pages, found), out) == 4
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert tuple(rows[0]) == COLUMNS
    assert [(r["page"], r["verdict"]) for r in rows] == [
        ("a.html", "true"), ("a.html", "false"), ("a.html", "-"), ("b.html", "false")]  # b: not political
    first = rows[0]
    assert first["key"] == event_key(SHELL)
    assert (first["actor"], first["actor_code"], first["recipient"], first["recipient_code"]) == (
        "Norland", "NRL", "Sildavia", "SLD")
    assert first["sentence"] == "Norland shelled the port." and first["confidence"] == "0.70"
    assert rows[1]["recipient"] == ""


def test_missing_pages_folder_is_a_clear_error(tmp_path: Path) -> None:
    assert main(["--shared", str(tmp_path), "--out", str(tmp_path / "x.tsv")]) == 3
    assert not (tmp_path / "x.tsv").exists()
