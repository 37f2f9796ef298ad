"""Readers for the training sets of ../shared/eval/train/events (or a user's files of the same shapes).

Three shapes: marked PLOVER pairs (plv-train TSV), ACE trigger sentences (m2e2-voa JSONL, mapped to
PLOVER by ace_plover.tsv) and articles with their PLOVER events (the Wikinews scheme: articles.jsonl
+ events.json). Every malformed or empty input raises FormatError naming the file and the line (or
record) where it went wrong: a model must never be trained on half-read data.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from chronique.errors import FormatError
from chronique.knowledge.cameo import PLOVER_TYPES
from chronique.schema import Article

# PLOVER 2021 names its concessions and withdrawals together; chronique's ontology splits them.
YIELD = "YIELD"
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})
PLV_COLUMNS = ("sentence", "marked_sentence", "source", "target", "gold_root")


@dataclass(frozen=True)
class PairRecord:
    """One marked source→target pair of a sentence and its PLOVER root class (or YIELD)."""

    text: str
    source: str
    target: str
    label: str
    where: str  # file:line


@dataclass(frozen=True)
class AceTrigger:
    start: int  # character offsets into the sentence
    end: int
    ace_type: str
    plover: str  # "" when the ACE type has no PLOVER event


@dataclass(frozen=True)
class AceSentence:
    text: str
    triggers: tuple[AceTrigger, ...]
    where: str


@dataclass(frozen=True)
class GoldParty:
    code: str
    sector: str
    text: str


@dataclass(frozen=True)
class GoldEvent:
    start: int  # the event's sentence span in the article text
    end: int
    event: str
    actor: GoldParty | None
    recipient: GoldParty | None


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    events: tuple[GoldEvent, ...]


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"expected a readable UTF-8 file, found {type(exc).__name__}: {exc}",
                          where=str(path)) from exc
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise FormatError("expected training records, found an empty file", where=str(path))
    return lines


def _label(value: str, where: str) -> str:
    label = value.strip().upper()
    if label not in PLOVER_TYPES and label != YIELD:
        raise FormatError(f"expected a PLOVER event class, found {value!r}", where=where)
    return label


def read_plv(path: Path) -> list[PairRecord]:
    """The plv-train TSV: one marked pair per row, header row first."""
    lines = _lines(path)
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    missing = [c for c in PLV_COLUMNS if c not in header]
    if missing:
        raise FormatError(f"expected the columns {list(PLV_COLUMNS)}, found no {missing} in the header",
                          where=f"{path}:1")
    col = {name: header.index(name) for name in PLV_COLUMNS}
    out = []
    for number, row in enumerate(rows[1:], start=2):
        where = f"{path}:{number}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise FormatError(f"expected {len(header)} tab-separated fields, found {len(row)}", where=where)
        text = row[col["sentence"]].strip()
        if not text:
            raise FormatError("expected a sentence, found an empty field", where=where)
        out.append(PairRecord(text, row[col["source"]].strip(), row[col["target"]].strip(),
                              _label(row[col["gold_root"]], where), where))
    if not out:
        raise FormatError("expected at least one marked pair, found only a header", where=str(path))
    return out


def ace_mapping() -> dict[str, str]:
    """ACE event type -> PLOVER event ("" for types with no PLOVER event), from ace_plover.tsv."""
    text = resources.files("chronique.train").joinpath("ace_plover.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1].strip() for row in rows[1:]}


def _json_line(line: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FormatError(f"expected a JSON object, found invalid JSON ({exc.msg})", where=where) from exc
    if not isinstance(value, dict):
        raise FormatError(f"expected a JSON object, found {type(value).__name__}", where=where)
    return value


def _json_rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """("file:line", object) for each non-blank line of a JSONL file."""
    for number, line in enumerate(_lines(path), start=1):
        if line.strip():
            where = f"{path}:{number}"
            yield where, _json_line(line, where)


def _ace_trigger(words: list[str], mention: dict[str, Any], mapping: dict[str, str], where: str) -> AceTrigger:
    trig, kind = mention.get("trigger"), mention.get("event_type")
    if not isinstance(trig, dict) or kind not in mapping:
        raise FormatError(f"expected a trigger and an ACE type among {sorted(mapping)}, found {kind!r}", where=where)
    first, last = trig.get("start"), trig.get("end")
    if not (isinstance(first, int) and isinstance(last, int) and 0 <= first < last <= len(words)):
        raise FormatError(f"expected trigger token offsets within 0..{len(words)}, found {first!r}..{last!r}",
                          where=where)
    start = len(" ".join(words[:first])) + (1 if first else 0)
    end = start + len(" ".join(words[first:last]))
    return AceTrigger(start, end, str(kind), mapping[str(kind)])


def read_m2e2(path: Path) -> list[AceSentence]:
    """m2e2-voa sentences.jsonl: tokens and ACE event mentions; the text is rebuilt from the tokens so
    that the token offsets become character offsets."""
    mapping = ace_mapping()
    out = []
    for where, row in _json_rows(path):
        words = row.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise FormatError("expected 'words', a non-empty list of strings", where=where)
        mentions = row.get("golden-event-mentions", [])
        if not isinstance(mentions, list):
            raise FormatError("expected 'golden-event-mentions', a list", where=where)
        triggers = tuple(_ace_trigger(words, m, mapping, where) for m in mentions)
        out.append(AceSentence(" ".join(words), triggers, where))
    return out


def _party(value: Any, where: str) -> GoldParty | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FormatError(f"expected a party object or null, found {type(value).__name__}", where=where)
    return GoldParty(str(value.get("code") or ""), str(value.get("sector") or ""), str(value.get("text") or ""))


def _gold_event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise FormatError(f"expected an event object, found {type(raw).__name__}", where=where)
    start, end = raw.get("sentence_start"), raw.get("sentence_end")
    if not (isinstance(start, int) and isinstance(end, int) and start < end):
        raise FormatError(f"expected sentence_start < sentence_end, found {start!r}, {end!r}", where=where)
    event = _label(str(raw.get("event", "")), where)
    return GoldEvent(start, end, event, _party(raw.get("actor"), where), _party(raw.get("recipient"), where))


def _events_by_article(path: Path) -> dict[str, tuple[GoldEvent, ...]]:
    try:
        data = json.loads("\n".join(_lines(path)))
    except json.JSONDecodeError as exc:
        raise FormatError(f"expected JSON, found invalid JSON ({exc.msg})", where=f"{path}:{exc.lineno}") from exc
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise FormatError("expected an object with an 'articles' list", where=str(path))
    out = {}
    for i, art in enumerate(articles):
        where = f"{path}: article {i}"
        if not isinstance(art, dict) or not isinstance(art.get("events"), list) or "id" not in art:
            raise FormatError("expected an article with 'id' and an 'events' list", where=where)
        out[str(art["id"])] = tuple(_gold_event(e, f"{where}, event {j}") for j, e in enumerate(art["events"]))
    return out


def read_wikinews(folder: Path) -> list[GoldArticle]:
    """A folder in the Wikinews scheme: articles.jsonl (id, text, language, published) + events.json."""
    events = _events_by_article(folder / "events.json")
    path = folder / "articles.jsonl"
    out = []
    for where, row in _json_rows(path):
        text, lang = row.get("text"), row.get("language")
        if not isinstance(text, str) or not text.strip() or lang not in ("fr", "en"):
            raise FormatError(f"expected 'text' and 'language' fr|en, found language {lang!r}", where=where)
        article = Article(id=str(row.get("id")), text=text, title=row.get("title"), language=lang,
                          published=row.get("published"), source=str(path))
        for e in events.get(article.id, ()):
            if e.end > len(text):
                raise FormatError(f"expected an event span within the text ({len(text)} characters), found "
                                  f"{e.start}..{e.end}", where=f"{where} ({article.id})")
        out.append(GoldArticle(article, events.get(article.id, ())))
    return out
