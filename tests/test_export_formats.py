"""Exporters (csv, jsonl, parquet) over fictional records built by hand."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from chronique.errors import ConfigError, SchemaError
from chronique.export import write
from chronique.export.csv import EVENT_COLUMNS, TRANSFER_COLUMNS
from chronique.export.parquet import SCHEMAS
from chronique.schema import Article, Event, EventActor, EventLocation, Evidence, TextInfo, Transfer

ARTICLE = Article.create("Ardenia signed a harbour treaty with Borovia in Vellmar.", title="Treaty",
                         language="en", published="2031-03-10", source="fixture")


def make_event(i: int, *, loc: bool = True) -> Event:
    return Event(
        id=f"ev{i:05d}", event="AGREE", date="2031-03-10", date_precision="day",
        actor=EventActor(code="ARD", sector="GOV", entity_text="Ardenia", identifier_id="Q0", start=0, end=7),
        recipient=EventActor(code="BOR", entity_text="Borovia", start=37, end=44),
        mode="", context=("diplomatic", "territory"), quad_code=1, cameo="057",
        event_loc=EventLocation(extracted_place="Vellmar", resolved_place="Vellmar", geonameid=101, lat=48.0,
                                lon=10.0, country_code="ARD", resolution=4) if loc else None,
        event_text="Ardenia signed a harbour treaty with Borovia in Vellmar.",
        text_info=TextInfo(sequence=1, start=0, end=56), modality="asserted", confidence=0.8,
        coder="chronique test", sources=(ARTICLE.id, "other-article"),
    )


TRANSFER = Transfer(supplier="ARD", recipient="BOR", weapon="Falke-7", category="missile system",
                    status="delivered", date="2031-03-10", event_id="ev00000", evidence=Evidence(start=0, end=56),
                    quantity=12, weapon_text="Falke-7")


def test_jsonl_round_trips_every_record() -> None:
    out = io.StringIO()
    events = [make_event(0), make_event(1, loc=False)]
    assert write("jsonl", events, out) == 2
    back = [Event.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert back == events
    out = io.StringIO()
    write("jsonl", [TRANSFER], out, what="transfers")
    assert Transfer.from_dict(json.loads(out.getvalue())) == TRANSFER


def test_csv_events_are_flat() -> None:
    out = io.StringIO()
    write("csv", [make_event(0), make_event(1, loc=False)], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert rows[0]["actor_code"] == "ARD" and rows[0]["recipient_text"] == "Borovia"
    assert rows[0]["context"] == "diplomatic;territory"
    assert rows[0]["sources"] == f"{ARTICLE.id};other-article"
    assert rows[0]["geonameid"] == "101" and rows[1]["geonameid"] == ""
    assert rows[0]["sentence"].startswith("Ardenia signed")


def test_csv_transfers_use_sipri_like_columns(tmp_path: Path) -> None:
    path = tmp_path / "transfers.csv"
    write("csv", [TRANSFER], path, what="transfers")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert tuple(rows[0]) == TRANSFER_COLUMNS
    assert rows[0]["designation"] == "Falke-7" and rows[0]["description"] == "missile system"
    assert rows[0]["number"] == "12" and rows[0]["year"] == "2031" and rows[0]["status"] == "delivered"


def test_csv_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    write("csv", [ARTICLE], path, what="articles")
    row = next(csv.DictReader(path.open(encoding="utf-8")))
    assert row["id"] == ARTICLE.id and row["text"] == ARTICLE.text


def test_parquet_events_read_back_as_structs(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    events = [make_event(i, loc=i % 2 == 0) for i in range(25)]
    assert write("parquet", events, path) == 25
    table = pq.read_table(path)
    assert table.schema == SCHEMAS["events"]
    rows = table.to_pylist()
    assert [Event.from_dict(r) for r in rows] == events
    assert rows[1]["event_loc"] is None
    assert rows[0]["actor"]["code"] == "ARD" and rows[0]["context"] == ["diplomatic", "territory"]


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    from chronique.export.parquet import write_parquet

    path = tmp_path / "events.parquet"
    with path.open("wb") as sink:
        write_parquet((make_event(i) for i in range(25)), sink, "events", batch_rows=10)
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == 25 and meta.num_row_groups == 3


def test_parquet_transfers_articles_and_empty(tmp_path: Path) -> None:
    write("parquet", [TRANSFER], tmp_path / "t.parquet", what="transfers")
    assert Transfer.from_dict(pq.read_table(tmp_path / "t.parquet").to_pylist()[0]) == TRANSFER
    write("parquet", [ARTICLE], tmp_path / "a.parquet", what="articles")
    assert Article.from_dict(pq.read_table(tmp_path / "a.parquet").to_pylist()[0]) == ARTICLE
    assert write("parquet", [], tmp_path / "e.parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


@pytest.mark.parametrize("what", ["events", "transfers", "articles"])
def test_parquet_schema_covers_every_record_field(what: str) -> None:
    sample = {"events": make_event(0), "transfers": TRANSFER, "articles": ARTICLE}[what]
    assert SCHEMAS[what].names == list(sample.to_dict())


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover"])
def test_text_formats_stream(fmt: str) -> None:
    """The writer consumes the input lazily: output exists before the generator is exhausted."""
    out = io.StringIO()
    seen: list[int] = []

    def events() -> Iterator[Event]:
        for i in range(3):
            seen.append(len(out.getvalue()))
            yield make_event(i)

    write(fmt, events(), out)
    assert seen[2] > seen[1] > seen[0]


def test_bad_arguments_and_wrong_records() -> None:
    with pytest.raises(ConfigError, match="xml"):
        write("xml", [], io.StringIO())
    with pytest.raises(ConfigError, match="people"):
        write("csv", [], io.StringIO(), what="people")
    with pytest.raises(ConfigError, match="PLOVER"):
        write("plover", [], io.StringIO(), what="transfers")
    with pytest.raises(SchemaError, match="expected a Transfer, found Event") as info:
        write("jsonl", [TRANSFER, make_event(0)], io.StringIO(), what="transfers")
    assert info.value.record == 1
