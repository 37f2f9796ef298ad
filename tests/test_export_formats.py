"""Exporters (csv, jsonl, parquet): the flat event and transfer tables, over fictional records built by hand."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chronique.errors import ConfigError, SchemaError
from chronique.export import flat, write
from chronique.export.flat import EVENT_COLUMNS, TRANSFER_COLUMNS, ArticleRef, EventEntry, MergeInfo, TransferEntry
from chronique.export.parquet import ARTICLE_SCHEMA, write_table
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


def test_csv_events_are_the_flat_table() -> None:
    out = io.StringIO()
    ref = ArticleRef(ARTICLE.id, url="https://news.example/treaty", title="Treaty")
    write("csv", [EventEntry(make_event(0), ref), make_event(1, loc=False)], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == tuple(c.name for c in EVENT_COLUMNS)
    assert rows[0]["article_url"] == "https://news.example/treaty" and rows[0]["article_title"] == "Treaty"
    assert rows[1]["article_id"] == ARTICLE.id and rows[1]["article_url"] == ""  # first source, no ref
    assert rows[0]["actor_code"] == "ARD" and rows[0]["recipient_text"] == "Borovia"
    assert rows[0]["context"] == "diplomatic;territory" and rows[0]["cameo"] == "057"
    assert rows[0]["sources"] == f"{ARTICLE.id};other-article" and rows[0]["n_sources"] == "2"
    assert rows[0]["geonameid"] == "101" and rows[1]["geonameid"] == "" and rows[0]["lat"] == "48.0"
    assert rows[0]["event_text"].startswith("Ardenia signed")
    assert (rows[0]["date"], rows[0]["date_start"], rows[0]["date_end"]) == ("2031-03-10",) * 3


def test_a_coarse_date_fills_start_and_end_but_not_the_day() -> None:
    month = replace(make_event(0), date="2031-02", date_precision="month")
    row = flat.event_values(EventEntry(month))
    assert row["date"] is None and row["date_value"] == "2031-02"
    assert (row["date_start"], row["date_end"]) == (date(2031, 2, 1), date(2031, 2, 28))
    week = flat.event_values(EventEntry(replace(month, date="2031-W10")))
    assert (week["date_end"] - week["date_start"]).days == 6


def test_merged_events_carry_the_merge_columns(tmp_path: Path) -> None:
    entry = EventEntry(make_event(0), merge=MergeInfo(independent_sources=1, members=("ev1", "ev2")))
    out = io.StringIO()
    write("csv", [entry], out, merged=True)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["independent_sources"] == "1" and row["members"] == "ev1;ev2"
    write("parquet", [entry], tmp_path / "m.parquet", merged=True)
    back = pq.read_table(tmp_path / "m.parquet").to_pylist()[0]
    assert back["members"] == ["ev1", "ev2"] and back["independent_sources"] == 1
    out = io.StringIO()
    write("jsonl", [entry], out)
    assert json.loads(out.getvalue())["members"] == ["ev1", "ev2"]


def test_csv_and_parquet_transfers_share_one_table(tmp_path: Path) -> None:
    ref = ArticleRef(ARTICLE.id, url="https://news.example/t", title="T", text=ARTICLE.text)
    write("csv", [TransferEntry(TRANSFER, ref)], tmp_path / "t.csv", what="transfers")
    write("parquet", [TransferEntry(TRANSFER, ref)], tmp_path / "t.parquet", what="transfers")
    row = next(csv.DictReader((tmp_path / "t.csv").open(encoding="utf-8")))
    table = pq.read_table(tmp_path / "t.parquet")
    assert tuple(row) == tuple(table.schema.names) == tuple(c.name for c in TRANSFER_COLUMNS)
    back = table.to_pylist()[0]
    assert row["weapon"] == back["weapon"] == "Falke-7" and row["category"] == "missile system"
    assert row["quantity"] == "12" and back["quantity"] == 12 and back["year"] == 2031
    assert back["date"] == date(2031, 3, 10) and back["evidence_text"] == ARTICLE.text[:56]
    assert row["article_url"] == "https://news.example/t"


def test_csv_articles(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    write("csv", [ARTICLE], path, what="articles")
    row = next(csv.DictReader(path.open(encoding="utf-8")))
    assert row["id"] == ARTICLE.id and row["text"] == ARTICLE.text


def test_parquet_events_are_typed_flat_columns(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    events = [make_event(i, loc=i % 2 == 0) for i in range(25)]
    assert write("parquet", events, path) == 25
    table = pq.read_table(path)
    assert table.schema == flat.arrow_schema(EVENT_COLUMNS)
    assert table.schema.field("cameo").type == pa.string() and table.schema.field("date").type == pa.date32()
    rows = table.to_pylist()
    assert rows[1]["lat"] is None and rows[0]["lat"] == 48.0 and rows[0]["quad_code"] == 1
    assert rows[0]["actor_code"] == "ARD" and rows[0]["context"] == ["diplomatic", "territory"]
    assert rows[0]["cameo"] == "057" and rows[0]["date"] == date(2031, 3, 10)


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    with path.open("wb") as sink:
        write_table((EventEntry(make_event(i)) for i in range(25)), sink, EVENT_COLUMNS, flat.event_values,
                    batch_rows=10)
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == 25 and meta.num_row_groups == 3


def test_parquet_articles_and_empty(tmp_path: Path) -> None:
    write("parquet", [ARTICLE], tmp_path / "a.parquet", what="articles")
    assert Article.from_dict(pq.read_table(tmp_path / "a.parquet").to_pylist()[0]) == ARTICLE
    assert write("parquet", [], tmp_path / "e.parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_articles_parquet_schema_covers_every_article_field() -> None:
    assert sorted(ARTICLE_SCHEMA.names) == sorted(ARTICLE.to_dict())


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


def test_docs_list_every_flat_column() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "exports.md").read_text(encoding="utf-8")
    for column in (*EVENT_COLUMNS, *flat.MERGE_COLUMNS, *TRANSFER_COLUMNS, flat.REGISTER_COLUMN):
        assert f"| `{column.name}` |" in docs, column.name
