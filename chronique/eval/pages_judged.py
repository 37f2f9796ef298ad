"""The judged set of real web pages: typed records read from ``pages_judged.yaml``.

Judgements name a page by its file under ``eval/dev/pages`` and an event by ``event_key`` (a
short hash of its type, actor text, recipient text and sentence), so no page text is stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from chronique.errors import KnowledgeError
from chronique.schema import Event, EventActor

JUDGED_FILE = "pages_judged.yaml"
SPLITS = ("look", "measure")
# an event told as done; the verdicts count a promise, an intention ("police to investigate"), a
# hypothesis or a denial as wrong, so the main event is found only among events so told
TOLD_AS_DONE = frozenset({"asserted", "reported"})


@dataclass(frozen=True)
class MainEvent:
    """The article's main event: any of ``events``, an actor matching any of ``actors`` (a code
    prefix or a part of the mention's text), and a recipient likewise when ``recipients`` is set,
    told as done (modality asserted or reported), as the verdicts would accept it."""

    events: tuple[str, ...]
    actors: tuple[str, ...]
    recipients: tuple[str, ...] = ()

    def found_in(self, events: tuple[Event, ...]) -> bool:
        return any(e.event in self.events and e.modality in TOLD_AS_DONE and _party_matches(e.actor, self.actors)
                   and (not self.recipients or _party_matches(e.recipient, self.recipients)) for e in events)


@dataclass(frozen=True)
class JudgedPage:
    file: str
    split: str
    political: bool
    main: MainEvent | None = None
    verdicts: tuple[tuple[str, bool], ...] = ()  # (event key, right?)

    def verdict(self, key: str) -> bool | None:
        return dict(self.verdicts).get(key)


@dataclass(frozen=True)
class JudgedSet:
    pages: tuple[JudgedPage, ...]
    unsupported: tuple[tuple[str, str], ...]  # (split, file or folder under eval/dev/pages)


def event_key(event: Event) -> str:
    """A stable name for an event that holds no page text: 10 hex digits of a hash."""
    actor = event.actor.entity_text if event.actor is not None else ""
    recipient = event.recipient.entity_text if event.recipient is not None else ""
    raw = "|".join([event.event, actor or "", recipient or "", event.event_text])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


def _party_matches(party: EventActor | None, wanted: tuple[str, ...]) -> bool:
    if party is None:
        return False
    code = f"{party.code or ''}{party.sector or ''}".lower()
    text = (party.entity_text or "").lower()
    return any((code and code.startswith(w.lower())) or w.lower() in text for w in wanted)


def _names(value: Any, what: str, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v for v in items):
        raise KnowledgeError(f"expected {what} as a string or a list of strings, found {value!r}", where=where)
    return tuple(items)


def _main(value: Any, where: str) -> MainEvent | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "event" not in value or "actor" not in value:
        raise KnowledgeError(f"expected main as null or a mapping with 'event' and 'actor', found {value!r}",
                             where=where)
    recipients = _names(value["recipient"], "'recipient'", where) if value.get("recipient") else ()
    return MainEvent(_names(value["event"], "'event'", where), _names(value["actor"], "'actor'", where), recipients)


def _page(item: Any, where: str) -> JudgedPage:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        raise KnowledgeError(f"expected a page mapping with a 'file', found {item!r}", where=where)
    where = f"{where}: {item['file']}"
    split, political = item.get("split"), item.get("political")
    if split not in SPLITS or not isinstance(political, bool):
        raise KnowledgeError(f"expected split in {SPLITS} and political true/false, found split={split!r} "
                             f"political={political!r}", where=where)
    events = item.get("events") or {}
    if not isinstance(events, dict) or not all(isinstance(v, bool) for v in events.values()):
        raise KnowledgeError(f"expected events as a mapping of hash to true/false, found {events!r}", where=where)
    return JudgedPage(item["file"], split, political, _main(item.get("main"), where),
                      tuple((str(k), v) for k, v in events.items()))


def parse_judged_set(data: Any, where: str = JUDGED_FILE) -> JudgedSet:
    if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
        raise KnowledgeError("expected a mapping with a 'pages' list", where=where)
    unsupported = data.get("unsupported") or {}
    if not isinstance(unsupported, dict) or not set(unsupported) <= set(SPLITS):
        raise KnowledgeError(f"expected 'unsupported' as a mapping of {SPLITS} to lists", where=where)
    pairs = tuple((split, str(f)) for split, files in unsupported.items() for f in files or ())
    return JudgedSet(tuple(_page(p, where) for p in data["pages"]), pairs)


def load_judged_set() -> JudgedSet:
    text = resources.files("chronique.eval").joinpath(JUDGED_FILE).read_text(encoding="utf-8")
    return parse_judged_set(yaml.safe_load(text))
