"""Schema records → the JSON the API answers (the contracts of DESIGN.md, plus what a page needs)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response

from chronique.dedup import MergedEvent
from chronique.schema import Article, Event, Transfer

JSON = dict[str, Any]


class Json(Response):
    """A JSON answer encoded once by json.dumps: FastAPI's generic encoder walks every value of a
    nested record in Python, several times slower on a page of events."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        if isinstance(content, bytes):  # already encoded (a page spliced from stored records)
            return content
        return encode(content)


def encode(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def event_json(event: Event) -> JSON:
    return event.to_dict()


def merged_json(merged: MergedEvent) -> JSON:
    """A merged event: the chosen record with every source, as `chronique events --merge` prints it."""
    return {**merged.event.to_dict(), "independent_sources": merged.independent_sources,
            "members": list(merged.member_ids)}


def article_json(article: Article, *, text: bool = True) -> JSON:
    data = article.to_dict()
    if not text:
        data.pop("text", None)
    return data


def evidence_span(event: Event, article: Article) -> JSON | None:
    """Where ``event`` is supported in ``article``: its own offsets in the article it was coded
    from, else the first occurrence of its sentence (a wire copy of the same text)."""
    info = event.text_info
    if article.text[info.start:info.end] == event.event_text:
        return {"start": info.start, "end": info.end}
    if event.event_text:
        at = article.text.find(event.event_text)
        if at >= 0:
            return {"start": at, "end": at + len(event.event_text)}
    return None


def transfer_json(transfer: Transfer, article_id: str, article: Article | None) -> JSON:
    """A transfer with its article and the text of its evidence."""
    data = transfer.to_dict()
    ev = transfer.evidence
    data["article_id"] = article_id
    data["evidence_text"] = article.text[ev.start:ev.end] if article and ev else None
    return data
