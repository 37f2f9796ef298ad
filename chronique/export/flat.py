"""The one flat event table and the one flat transfer table behind every CSV and Parquet output.

``extract``, ``events``, ``export`` and ``transfers`` all write these columns, in this order, so a
file made by one command reads like a file made by another. Each column has one Arrow type:
Parquet stores it as is; CSV writes its text (dates as YYYY-MM-DD, lists joined by ";"). Nested
records (actors with offsets, text_info…) stay whole in JSONL. docs/exports.md documents every
column; ``tests/test_export_flat.py`` checks that it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import Any

import pyarrow as pa

from chronique.dedup import date_interval
from chronique.schema import Event, EventActor, Transfer


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str


@dataclass(frozen=True)
class ArticleRef:
    """What a flat row says about the article an event or transfer comes from."""

    id: str
    url: str | None = None
    title: str | None = None
    text: str | None = None  # kept only where a transfer's evidence is quoted from it


@dataclass(frozen=True)
class MergeInfo:
    """The fields a merged event adds: how many independent stories and which reports it merges."""

    independent_sources: int
    members: tuple[str, ...]


@dataclass(frozen=True)
class EventEntry:
    """An event with the article it is read from and, once merged, its merge fields."""

    event: Event
    article: ArticleRef | None = None
    merge: MergeInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON record: the event's own, plus the merge fields of a merged event."""
        out = self.event.to_dict()
        if self.merge is not None:
            out.update(independent_sources=self.merge.independent_sources, members=list(self.merge.members))
        return out


@dataclass(frozen=True)
class TransferEntry:
    """A transfer with its article and, after ``transfers --check``, whether the register has it."""

    transfer: Transfer
    article: ArticleRef | None = None
    in_register: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return self.transfer.to_dict()


S, I64, F64 = pa.string(), pa.int64(), pa.float64()
LIST = pa.list_(pa.string())


def _actor_columns(role: str) -> list[Column]:
    return [
        Column(f"{role}_code", S, f"The {role}'s code: ISO-3 country, organisation or CAMEO-style code."),
        Column(f"{role}_sector", S, f"The {role}'s sector (GOV, MIL, REB…), when known."),
        Column(f"{role}_text", S, f"The words of the article naming the {role}."),
        Column(f"{role}_wikidata", S, f"The {role}'s Wikidata id, when known."),
    ]


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", S, "The event's stable id."),
    Column("article_id", S, "The id (content hash) of the article the event is read from."),
    Column("article_url", S, "That article's URL, when its source gave one."),
    Column("article_title", S, "That article's title."),
    Column("date", pa.date32(), "The day of the event; empty when only a coarser date is known."),
    Column("date_start", pa.date32(), "First day the event's date covers (the day itself, or a week, month, year)."),
    Column("date_end", pa.date32(), "Last day the event's date covers."),
    Column("date_value", S, "The date as coded: YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY."),
    Column("date_precision", S, "day, week, month or year."),
    Column("event", S, "PLOVER event type (AGREE, ASSAULT…)."),
    Column("mode", S, "PLOVER mode of the event, empty when none."),
    Column("context", LIST, "PLOVER contexts (CSV: joined by ';')."),
    Column("quad_code", I64, "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
           "4 material conflict."),
    Column("cameo", S, "CAMEO code, a string that keeps its leading zeros (\"020\")."),
    *_actor_columns("actor"),
    *_actor_columns("recipient"),
    Column("place_text", S, "The words of the article naming the event's place."),
    Column("place_name", S, "The place it was resolved to."),
    Column("geonameid", I64, "GeoNames id of that place."),
    Column("lat", F64, "Latitude (WGS84, decimal degrees)."),
    Column("lon", F64, "Longitude (WGS84, decimal degrees)."),
    Column("country_code", S, "ISO-3 code of the place's country."),
    Column("place_resolution", I64, "Resolution of the place: 1 coordinates … 5 country (PLOVER's scale)."),
    Column("modality", S, "asserted, negated, conditional, future, requested or reported."),
    Column("speaker", S, "Who is reported saying it, for reported events."),
    Column("confidence", F64, "The coder's confidence, 0 to 1."),
    Column("coder", S, "Which coder produced the event."),
    Column("event_text", S, "The sentence the event is read from."),
    Column("text_start", I64, "Character offset of that sentence in the article text."),
    Column("text_end", I64, "Character offset just after it."),
    Column("sources", LIST, "Ids of every article reporting the event (CSV: joined by ';')."),
    Column("n_sources", I64, "How many articles report the event."),
)

MERGE_COLUMNS: tuple[Column, ...] = (
    Column("independent_sources", I64, "Merged exports: sources counted once per story (wire copies count once)."),
    Column("members", LIST, "Merged exports: ids of the event reports merged into this one (CSV: joined by ';')."),
)

TRANSFER_COLUMNS: tuple[Column, ...] = (
    Column("supplier", S, "Supplier's ISO-3 code (SIPRI register: Supplier)."),
    Column("recipient", S, "Recipient's ISO-3 code (SIPRI register: Recipient)."),
    Column("weapon", S, "Catalogued weapon designation (SIPRI: Weapon designation)."),
    Column("category", S, "Weapon category (SIPRI: Weapon description)."),
    Column("quantity", I64, "Number of items when the text gives one (SIPRI: Number ordered/delivered)."),
    Column("status", S,
           "requested, offered, approved, pledged, agreed, ordered, delivered, refused, cancelled or upgrade."),
    Column("date", pa.date32(), "The day of the transfer report; empty when only a coarser date is known."),
    Column("date_start", pa.date32(), "First day the transfer's date covers."),
    Column("date_end", pa.date32(), "Last day the transfer's date covers."),
    Column("date_value", S, "The date as coded (YYYY-MM-DD, YYYY-MM, YYYY…)."),
    Column("year", I64, "Year of the date (SIPRI: Year of order)."),
    Column("weapon_text", S, "The words of the article naming the weapon."),
    Column("event_id", S, "Id of the event the transfer comes from, if any."),
    Column("article_id", S, "Id of the article the transfer is read from."),
    Column("article_url", S, "That article's URL."),
    Column("article_title", S, "That article's title."),
    Column("evidence_start", I64, "Character offset of the evidence in the article text."),
    Column("evidence_end", I64, "Character offset just after it."),
    Column("evidence_text", S, "The evidence itself, when the article text is at hand."),
    Column("evidence_spans", LIST, "Every sentence reporting the transfer, as start-end offsets (CSV: joined by ';')."),
    Column("reported_by", S, "Who reports the transfer when the text names them (\"according to X\", \"X said\")."),
)

REGISTER_COLUMN = Column("in_register", pa.bool_(), "transfers --check: whether the trade register lists it.")


def event_columns(merged: bool) -> tuple[Column, ...]:
    return EVENT_COLUMNS + MERGE_COLUMNS if merged else EVENT_COLUMNS


def transfer_columns(checked: bool) -> tuple[Column, ...]:
    return (*TRANSFER_COLUMNS, REGISTER_COLUMN) if checked else TRANSFER_COLUMNS


def arrow_schema(columns: Iterable[Column]) -> pa.Schema:
    return pa.schema([(c.name, c.type) for c in columns])


@lru_cache(maxsize=4096)  # an export repeats the same few thousand dates
def _interval(value: str | None) -> tuple[date, date] | tuple[None, None]:
    return date_interval(value) or (None, None)


def _dates(value: str | None) -> dict[str, Any]:
    start, end = _interval(value)
    return {"date": start if start is not None and start == end else None, "date_start": start,
            "date_end": end, "date_value": value}


def _actor(role: str, actor: EventActor | None) -> dict[str, Any]:
    a = actor or EventActor(code=None)
    return {f"{role}_code": a.code, f"{role}_sector": a.sector, f"{role}_text": a.entity_text,
            f"{role}_wikidata": a.identifier_id}


def _article(ref: ArticleRef | None, fallback: str | None) -> dict[str, Any]:
    return {"article_id": ref.id if ref else fallback, "article_url": ref and ref.url,
            "article_title": ref and ref.title}


def event_values(entry: EventEntry) -> dict[str, Any]:
    """One flat row of Python values (str, int, float, date, list) keyed by column name."""
    e, loc = entry.event, entry.event.event_loc
    row: dict[str, Any] = {
        "event_id": e.id, **_article(entry.article, e.sources[0] if e.sources else None), **_dates(e.date),
        "date_precision": e.date_precision, "event": e.event, "mode": e.mode, "context": list(e.context),
        "quad_code": e.quad_code, "cameo": e.cameo, **_actor("actor", e.actor), **_actor("recipient", e.recipient),
        "place_text": loc and loc.extracted_place, "place_name": loc and loc.resolved_place,
        "geonameid": loc and loc.geonameid, "lat": loc and loc.lat, "lon": loc and loc.lon,
        "country_code": loc and loc.country_code, "place_resolution": loc and loc.resolution,
        "modality": e.modality, "speaker": e.speaker, "confidence": e.confidence, "coder": e.coder,
        "event_text": e.event_text, "text_start": e.text_info.start, "text_end": e.text_info.end,
        "sources": list(e.sources), "n_sources": len(e.sources),
    }
    if entry.merge is not None:
        row.update(independent_sources=entry.merge.independent_sources, members=list(entry.merge.members))
    return row


def transfer_values(entry: TransferEntry) -> dict[str, Any]:
    t, ref, ev = entry.transfer, entry.article, entry.transfer.evidence
    dates = _dates(t.date)
    start = dates["date_start"]
    quoted = ref.text[ev.start:ev.end] if ref is not None and ref.text is not None and ev is not None else None
    return {
        "supplier": t.supplier, "recipient": t.recipient, "weapon": t.weapon, "category": t.category,
        "quantity": t.quantity, "status": t.status, **dates, "year": start.year if start else None,
        "weapon_text": t.weapon_text, "event_id": t.event_id, **_article(ref, None),
        "evidence_start": ev and ev.start, "evidence_end": ev and ev.end, "evidence_text": quoted,
        "evidence_spans": [f"{span.start}-{span.end}" for span in t.evidence_spans], "reported_by": t.reported_by,
        "in_register": entry.in_register,
    }


def csv_text(value: Any) -> Any:
    """A value as CSV writes it: lists joined by ';', dates in ISO form, booleans as true/false."""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _joined(value: list[str] | None) -> str | None:
    return None if value is None else ";".join(value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def csv_converter(column: Column) -> Callable[[Any], Any] | None:
    """The conversion ``csv_text`` would make for this column's type, chosen once per column
    (None: written as is), so a large export does not test every value's type."""
    if pa.types.is_list(column.type):
        return _joined
    if pa.types.is_date(column.type):
        return _iso
    if pa.types.is_boolean(column.type):
        return csv_text
    return None


def json_value(value: Any) -> Any:
    """A value as JSON writes it: dates in ISO form, the rest as they are."""
    return value.isoformat() if isinstance(value, date) else value


def with_articles(events: Iterable[Event | EventEntry], lookup: Callable[[list[str]], Mapping[str, ArticleRef]],
                  *, batch: int = 1000) -> Iterator[EventEntry]:
    """Attach to each event its first source's ArticleRef, looked up ``batch`` events at a time."""
    it = iter(events)
    while chunk := [e if isinstance(e, EventEntry) else EventEntry(e) for e in islice(it, batch)]:
        refs = lookup(sorted({x.event.sources[0] for x in chunk if x.event.sources and x.article is None}))
        for x in chunk:
            if x.article is None and x.event.sources and x.event.sources[0] in refs:
                yield EventEntry(x.event, refs[x.event.sources[0]], x.merge)
            else:
                yield x
