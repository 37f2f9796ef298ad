"""PLOVER JSON records (one per line, or one JSON array), with the field names of the PLOVER
manual's "Data Fields".

The manual's shape differs from chronique's event record in a few places: ``actor``,
``recipient``, ``event``, ``mode`` and ``event_text`` are lists; ``date`` is a full YYYY-MM-DD,
so a coarser date (a month, a week, a year) is written as ``date``…``enddate`` spanning it;
organisations take the standard's IGO codes; ``cite_info`` names the source article and
``size`` the casualties a material-conflict sentence states. chronique's additions keep their
plain names (date_precision, cameo, modality, speaker, confidence, sources). ``validate_plover``
checks a record against those rules.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date as Date
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from chronique.dedup import date_interval
from chronique.errors import SchemaError
from chronique.export.casualties import casualties
from chronique.export.flat import ArticleRef, EventEntry
from chronique.knowledge.cameo import PLOVER_TYPES
from chronique.report import FailurePolicy, RunReport
from chronique.schema import MODALITIES, Event, EventActor

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ENTITY_TEXT_FIELDS = ("code", "sector", "entity_text", "identifier_id", "identifier_text", "chronique_code")
_CITE_FIELDS = ("corpus", "citation", "url", "title", "language", "publication", "coder", "codebook", "version")
_LOCATION_TEXT_FIELDS = ("extracted_place", "resolved_place", "country_code", "feature_class", "feature_code",
                         "city", "district", "province", "country")


PLOVER_LAYOUTS = ("jsonl", "json")
CODEBOOK = "plover-base"


@lru_cache(maxsize=1)
def standard_codes() -> dict[str, str]:
    """chronique's organisation codes (NATO, EU…) → the CAMEO/PETRARCH IGO codes PLOVER data use."""
    text = resources.files("chronique.knowledge").joinpath("data", "plover_actor_codes.csv").read_text("utf-8")
    return {row["code"]: row["cameo"] for row in csv.DictReader(io.StringIO(text))}


def _entity(actor: EventActor) -> dict[str, Any]:
    """PLOVER's entity: a 3-letter top-level code and a sector; an organisation's IGO code is split
    as PETRARCH writes it (IGOWSTNAT: code IGO, sector WSTNAT), its chronique code kept beside."""
    out: dict[str, Any] = {"code": actor.code, "sector": actor.sector}
    cameo = standard_codes().get(actor.code or "")
    if cameo is not None:
        out.update(code=cameo[:3], sector=cameo[3:] or actor.sector, chronique_code=actor.code)
    out.update(entity_text=actor.entity_text, identifier_id=actor.identifier_id, start=actor.start, end=actor.end)
    return out


def cite_info(article: ArticleRef | None, event: Event) -> dict[str, Any]:
    """PLOVER's citeInfo: where the event was read and by which coder and codebook."""
    info: dict[str, Any] = {"citation": article.id if article else (event.sources[0] if event.sources else None)}
    if article is not None:
        info.update(url=article.url, title=article.title)
    info.update(coder=event.coder or "chronique", codebook=CODEBOOK)
    return {k: v for k, v in info.items() if v is not None}


def to_plover(event: Event, article: ArticleRef | None = None) -> dict[str, Any]:
    """The PLOVER record of one chronique event (``article``: the source it cites)."""
    record: dict[str, Any] = {"id": event.id}
    interval = date_interval(event.date)
    if interval is not None:
        record["date"] = interval[0].isoformat()
        if interval[1] != interval[0]:
            record["enddate"] = interval[1].isoformat()
    record["date_precision"] = event.date_precision
    record["actor"] = [_entity(event.actor)] if event.actor else []
    record["recipient"] = [_entity(event.recipient)] if event.recipient else []
    record["event"] = [event.event]
    record["mode"] = [event.mode] if event.mode else []
    record["context"] = list(event.context)
    record["quad_code"] = event.quad_code
    record["cameo"] = event.cameo
    if event.event_loc is not None:
        record["event_loc"] = event.event_loc.to_dict()
    record["event_text"] = [event.event_text]
    record["text_info"] = event.text_info.to_dict()
    record["cite_info"] = cite_info(article, event)
    if event.quad_code == 4 and (size := casualties(event.event_text)) is not None:
        record["size"] = size.to_dict()
    record["modality"] = event.modality
    record["speaker"] = event.speaker
    record["confidence"] = event.confidence
    record["coder"] = event.coder
    record["sources"] = list(event.sources)
    return record


# --- validation -------------------------------------------------------------------------------

def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_day(value: Any, name: str, problems: list[str]) -> Date | None:
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        problems.append(f"{name}: expected a YYYY-MM-DD string, found {value!r}")
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a calendar date")
        return None


def _check_strings(obj: dict[str, Any], names: Iterable[str], where: str, problems: list[str]) -> None:
    for name in names:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            problems.append(f"{where}.{name}: expected a string, found {obj[name]!r}")


def _check_entities(value: Any, name: str, required: bool, problems: list[str]) -> None:
    if value is None and not required:
        return
    if not isinstance(value, list) or (required and not value):
        problems.append(f"{name}: expected a {'non-empty ' if required else ''}list of entity objects, "
                        f"found {value!r}")
        return
    for i, entity in enumerate(value):
        where = f"{name}[{i}]"
        if not isinstance(entity, dict):
            problems.append(f"{where}: expected an entity object, found {entity!r}")
            continue
        if not entity.get("code") and not entity.get("entity_text"):
            problems.append(f"{where}: expected a code or an entity_text, found neither")
        _check_strings(entity, _ENTITY_TEXT_FIELDS, where, problems)
        for key in ("start", "end", "age"):
            if entity.get(key) is not None and not _is_int(entity[key]):
                problems.append(f"{where}.{key}: expected an integer, found {entity[key]!r}")


def _check_string_list(record: dict[str, Any], name: str, problems: list[str], allowed: Iterable[str] = ()) -> None:
    value = record.get(name)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{name}: expected a list of strings, found {value!r}")
        return
    known = set(allowed)
    for v in value:
        if known and v not in known:
            problems.append(f"{name}: {v!r} is not one of {sorted(known)}")


def _check_location(loc: Any, problems: list[str]) -> None:
    if not isinstance(loc, dict):
        problems.append(f"event_loc: expected a location object, found {loc!r}")
        return
    _check_strings(loc, _LOCATION_TEXT_FIELDS, "event_loc", problems)
    for key, low, high in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
        v = loc.get(key)
        if v is not None and (not isinstance(v, int | float) or isinstance(v, bool) or not low <= v <= high):
            problems.append(f"event_loc.{key}: expected a number in [{low}, {high}], found {v!r}")
    if loc.get("geonameid") is not None and not _is_int(loc["geonameid"]):
        problems.append(f"event_loc.geonameid: expected an integer, found {loc['geonameid']!r}")
    res = loc.get("resolution")
    if res is not None and (not _is_int(res) or not 1 <= res <= 5):
        problems.append(f"event_loc.resolution: expected an integer 1-5, found {res!r}")


def _check_text_info(info: Any, problems: list[str]) -> None:
    if not isinstance(info, dict):
        problems.append(f"text_info: expected a textInfo object, found {info!r}")
        return
    for key in ("sequence", "start", "end"):
        if info.get(key) is not None and not _is_int(info[key]):
            problems.append(f"text_info.{key}: expected an integer, found {info[key]!r}")
    if _is_int(info.get("start")) and _is_int(info.get("end")) and info["start"] > info["end"]:
        problems.append(f"text_info: start {info['start']} is after end {info['end']}")


def _check_cite_and_size(record: dict[str, Any], problems: list[str]) -> None:
    cite, size = record.get("cite_info"), record.get("size")
    if cite is not None:
        if isinstance(cite, dict):
            _check_strings(cite, _CITE_FIELDS, "cite_info", problems)
        else:
            problems.append(f"cite_info: expected a citeInfo object, found {cite!r}")
    if size is not None:
        if not isinstance(size, dict):
            problems.append(f"size: expected a size object, found {size!r}")
            return
        for key, value in size.items():
            if not _is_int(value) or value < 0:
                problems.append(f"size.{key}: expected a count >= 0, found {value!r}")


def validate_plover(record: Any) -> list[str]:
    """Every way ``record`` departs from the PLOVER data fields (and chronique's additions); [] if none."""
    if not isinstance(record, dict):
        return [f"expected a JSON object, found {type(record).__name__}"]
    problems: list[str] = []
    if not isinstance(record.get("id"), str) or not record["id"]:
        problems.append(f"id: expected a non-empty string, found {record.get('id')!r}")
    start = _check_day(record.get("date"), "date", problems)
    if record.get("enddate") is not None:
        end = _check_day(record["enddate"], "enddate", problems)
        if start and end and end < start:
            problems.append(f"enddate: {end} is before date {start}")
    _check_entities(record.get("actor"), "actor", True, problems)
    _check_entities(record.get("recipient"), "recipient", False, problems)
    if not record.get("event"):
        problems.append(f"event: expected a non-empty list of PLOVER categories, found {record.get('event')!r}")
    _check_string_list(record, "event", problems, PLOVER_TYPES)
    for name in ("mode", "context", "event_text", "sources"):
        _check_string_list(record, name, problems)
    quad = record.get("quad_code")
    if quad is not None and (not _is_int(quad) or quad not in (1, 2, 3, 4)):
        problems.append(f"quad_code: expected 1, 2, 3 or 4, found {quad!r}")
    if record.get("event_loc") is not None:
        _check_location(record["event_loc"], problems)
    if record.get("text_info") is not None:
        _check_text_info(record["text_info"], problems)
    _check_cite_and_size(record, problems)
    conf = record.get("confidence")
    if conf is not None and (not isinstance(conf, int | float) or isinstance(conf, bool) or not 0 <= conf <= 1):
        problems.append(f"confidence: expected a number in [0, 1], found {conf!r}")
    if record.get("modality") is not None and record["modality"] not in MODALITIES:
        problems.append(f"modality: expected one of {list(MODALITIES)}, found {record['modality']!r}")
    _check_strings(record, ("coder", "cameo", "speaker", "date_precision", "comment"), "record", problems)
    return problems


def write_plover(events: Iterable[Event | EventEntry], handle: IO[str], *, layout: str = "jsonl",
                 policy: FailurePolicy = FailurePolicy.RAISE, report: RunReport | None = None) -> int:
    """Write valid PLOVER records as JSON Lines (``layout="jsonl"``, the manual's suggestion) or one
    JSON array (``"json"``); an invalid record goes through the failure policy."""
    report = report if report is not None else RunReport()
    count = 0
    handle.write("[" if layout == "json" else "")
    for index, item in enumerate(events):
        entry = item if isinstance(item, EventEntry) else EventEntry(item)
        record = to_plover(entry.event, entry.article)
        problems = validate_plover(record)
        if problems:
            report.reject(SchemaError(f"event {entry.event.id} is not a valid PLOVER record: " + "; ".join(problems),
                                      where="export plover", record=index), policy)
            continue
        text = json.dumps(record, ensure_ascii=False)
        handle.write(text + "\n" if layout == "jsonl" else ("," if count else "") + "\n" + text)
        count += 1
    handle.write(("\n]\n" if count else "]\n") if layout == "json" else "")
    return count
