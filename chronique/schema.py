"""The one contract: typed records that cross every module boundary.

Each record is a frozen dataclass with ``to_dict()`` / ``from_dict()`` that round-trip exactly the
JSON of ../shared/DESIGN.md ("The public contracts"). Offsets are character offsets into
``Article.text`` (the cleaned text), end exclusive.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import Any, ClassVar, Literal, TypeVar

from chronique.errors import SchemaError
from chronique.textclean import clean_text

PlaceRole = Literal["place", "metonymy"]
Modality = Literal["asserted", "negated", "conditional", "future", "requested", "reported"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "conditional", "future", "requested", "reported")
TRANSFER_STATUSES: tuple[str, ...] = (
    "requested", "offered", "approved", "pledged", "agreed", "ordered", "delivered", "refused", "cancelled",
    "upgrade",
)

T = TypeVar("T", bound="Record")


def normalise_for_id(text: str) -> str:
    """The normal form an article id is computed from: NFC, unified line ends, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def article_id(text: str) -> str:
    """sha256 (hex) of the normalised text: the same story text always gets the same id."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()


class Record:
    """Shared to_dict/from_dict for the flat records; nested ones override the hooks."""

    _nested: ClassVar[dict[str, type[Record]]] = {}
    _nested_lists: ClassVar[dict[str, type[Record]]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, Record):
                value = value.to_dict()
            elif isinstance(value, tuple):
                value = [v.to_dict() if isinstance(v, Record) else v for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        if not isinstance(data, dict):
            raise SchemaError(
                f"{cls.__name__}: expected a JSON object, found {type(data).__name__}",
                where=cls.__name__,
            )
        known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise SchemaError(f"{cls.__name__}: unexpected field(s) {unknown}", where=cls.__name__)
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name in cls._nested and value is not None:
                value = cls._nested[name].from_dict(value)
            elif name in cls._nested_lists:
                value = tuple(cls._nested_lists[name].from_dict(v) for v in value or ())
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[name] = value
        try:
            return cls(**kwargs)
        except TypeError as exc:  # missing required field
            raise SchemaError(f"{cls.__name__}: {exc}", where=cls.__name__) from exc


@dataclass(frozen=True)
class Origin(Record):
    """Where (and when) the story was filed, read from its dateline ("LA CROSSE, Wis. (AP) —"):
    metadata of the article, never an event's place."""

    place: str  # as written
    date: str | None = None  # as written ("5 mars"), when the dateline gives one
    agency: str | None = None  # "AP", "Reuters"…
    resolved_place: str | None = None
    country_code: str | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class Article(Record):
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    published: str | None = None
    published_inferred: bool = False
    origin: Origin | None = None

    _nested: ClassVar[dict[str, type[Record]]] = {"origin": Origin}

    @classmethod
    def create(cls, text: str, **meta: Any) -> Article:
        """An Article whose id is derived from its text. This is the boundary every reader passes:
        text and string metadata are made valid Unicode here, once (chronique.textclean)."""
        text = clean_text(text)
        meta = {key: clean_text(value) if isinstance(value, str) else value for key, value in meta.items()}
        return cls(id=article_id(text), text=text, **meta)

    def to_dict(self) -> dict[str, Any]:
        # Key order of the contract: metadata first, the text last; "origin" only when a dateline
        # gave one, so records without it keep their exact shape.
        out: dict[str, Any] = {
            "id": self.id, "title": self.title, "url": self.url, "source": self.source,
            "language": self.language, "published": self.published,
            "published_inferred": self.published_inferred,
        }
        if self.origin is not None:
            out["origin"] = self.origin.to_dict()
        out["text"] = self.text
        return out


@dataclass(frozen=True)
class Span(Record):
    """Anything anchored in the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorMention(Record):
    text: str
    start: int
    end: int
    name: str
    code: str | None
    sector: str | None = None
    kind: str = "country"  # country | organisation | person | group
    wikidata: str | None = None
    score: float = 1.0


@dataclass(frozen=True)
class Place(Record):
    text: str
    start: int
    end: int
    name: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature_class: str | None = None
    role: str = "place"


@dataclass(frozen=True)
class TimeMention(Record):
    text: str
    start: int
    end: int
    value: str | None
    type: str = "DATE"  # DATE | TIME | DURATION | SET


@dataclass(frozen=True)
class WeaponMention(Record):
    text: str
    start: int
    end: int
    designation: str | None
    category: str | None = None
    origin: str | None = None


@dataclass(frozen=True)
class EventActor(Record):
    code: str | None
    sector: str | None = None
    entity_text: str | None = None
    identifier_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class EventLocation(Record):
    extracted_place: str | None = None
    resolved_place: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    resolution: int | None = None


@dataclass(frozen=True)
class TextInfo(Record):
    sequence: int
    start: int
    end: int


@dataclass(frozen=True)
class Event(Record):
    id: str
    event: str
    actor: EventActor | None
    recipient: EventActor | None
    event_text: str
    text_info: TextInfo
    date: str | None = None
    date_precision: str | None = None
    mode: str = ""
    context: tuple[str, ...] = ()
    quad_code: int | None = None
    cameo: str | None = None
    event_loc: EventLocation | None = None
    modality: str = "asserted"
    speaker: str | None = None
    confidence: float = 0.5
    coder: str = ""
    sources: tuple[str, ...] = ()

    _nested: ClassVar[dict[str, type[Record]]] = {
        "actor": EventActor, "recipient": EventActor, "event_loc": EventLocation, "text_info": TextInfo,
    }

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        order = ["id", "date", "date_precision", "actor", "recipient", "event", "mode", "context",
                 "quad_code", "cameo", "event_loc", "event_text", "text_info", "modality", "speaker",
                 "confidence", "coder", "sources"]
        return {k: d[k] for k in order}


@dataclass(frozen=True)
class Evidence(Record):
    start: int
    end: int


@dataclass(frozen=True)
class EvidenceSpan(Record):
    """One sentence that reports a transfer: its offsets in ``Article.text`` and its words."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Transfer(Record):
    supplier: str | None
    recipient: str | None
    weapon: str | None
    category: str | None
    status: str
    date: str | None = None
    event_id: str | None = None
    evidence: Evidence | None = None
    quantity: int | None = None  # chronique addition: the number of items when the text states it
    weapon_text: str | None = None  # chronique addition: the surface string of the weapon mention
    # chronique additions: every sentence that reports this transfer, in text order (``evidence`` is
    # the one that gives its furthest status), and who reports it when the text names them
    evidence_spans: tuple[EvidenceSpan, ...] = ()
    reported_by: str | None = None

    _nested: ClassVar[dict[str, type[Record]]] = {"evidence": Evidence}
    _nested_lists: ClassVar[dict[str, type[Record]]] = {"evidence_spans": EvidenceSpan}


@dataclass(frozen=True)
class Extraction(Record):
    article: Article
    actors: tuple[ActorMention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeMention, ...] = ()
    weapons: tuple[WeaponMention, ...] = ()
    events: tuple[Event, ...] = ()
    transfers: tuple[Transfer, ...] = ()

    _nested: ClassVar[dict[str, type[Record]]] = {"article": Article}
    _nested_lists: ClassVar[dict[str, type[Record]]] = {
        "actors": ActorMention, "places": Place, "times": TimeMention, "weapons": WeaponMention,
        "events": Event, "transfers": Transfer,
    }

    def with_article(self, article: Article) -> Extraction:
        return replace(self, article=article)


__all__ = [
    "MODALITIES", "TRANSFER_STATUSES", "ActorMention", "Article", "Event", "EventActor", "EventLocation",
    "Evidence", "EvidenceSpan", "Extraction", "Origin", "Place", "Span", "TextInfo", "TimeMention", "Transfer",
    "WeaponMention",
    "article_id", "normalise_for_id",
]
