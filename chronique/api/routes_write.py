"""POST /api/articles: text, HTML, a feed or JSON records → extracted and stored as `ingest` does.

Writes need the bearer token of the settings (CHRONIQUE_TOKEN); without one configured the
server is read-only. A body is bounded like a file (10 MiB) and refused past it unread.
"""

from __future__ import annotations

import hmac
import json
import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from starlette.concurrency import run_in_threadpool

from chronique.api.errors import ApiError
from chronique.api.ingest_adapter import ingest_upload, pipeline_for
from chronique.api.records import JSON, Json
from chronique.api.state import ApiState, get_state
from chronique.ingest.inputs import MAX_DOCUMENT_BYTES

router = APIRouter(prefix="/api", tags=["write"])
State = Annotated[ApiState, Depends(get_state)]
# Media type → (reader, file name of the upload)
READERS = {"text/plain": ("text", "upload.txt"), "text/html": ("html", "upload.html"),
           "application/xhtml+xml": ("html", "upload.html"), "application/json": ("jsonl", "upload.jsonl"),
           "application/x-ndjson": ("jsonl", "upload.jsonl"), "application/jsonl": ("jsonl", "upload.jsonl"),
           "application/rss+xml": ("feed", "upload.xml"), "application/atom+xml": ("feed", "upload.xml"),
           "application/xml": ("feed", "upload.xml"), "text/xml": ("feed", "upload.xml")}
_BEARER = re.compile(r"^Bearer\s+(\S+)\s*$", re.IGNORECASE)


def require_token(state: ApiState, authorization: str | None) -> None:
    expected = state.settings.api_token
    if not expected:
        raise ApiError(403, "READ_ONLY", "expected a server with CHRONIQUE_TOKEN set to accept writes, found none "
                       "(the API is read-only)", where="POST /api/articles")
    match = _BEARER.match(authorization or "")
    if match is None:
        found = "no Authorization header" if not authorization else "another scheme"
        raise ApiError(401, "UNAUTHORIZED", f"expected 'Authorization: Bearer TOKEN', found {found}",
                       where="header.authorization")
    if not hmac.compare_digest(match.group(1).encode(), expected.encode()):
        raise ApiError(401, "UNAUTHORIZED", "expected the server's token, found another", where="header.authorization")


async def read_body(request: Request) -> bytes:
    """The request body, refused as soon as it passes the size limit of a file."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_DOCUMENT_BYTES:
        raise _too_large(int(declared))
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_DOCUMENT_BYTES:
            raise _too_large(len(data))
    if not data.strip():
        raise ApiError(400, "EMPTY_INPUT", "expected an article in the request body, found an empty body",
                       where="body")
    return bytes(data)


def _too_large(size: int) -> ApiError:
    return ApiError(413, "TOO_LARGE", f"expected a body of at most {MAX_DOCUMENT_BYTES:,} bytes, found {size:,}+",
                    where="body")


def json_records(data: bytes) -> bytes:
    """application/json: one record or a list of them, as JSON lines for the JSONL reader."""
    try:
        parsed = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "BAD_FORMAT", f"expected JSON, found invalid JSON ({exc})", where="body") from exc
    items = parsed if isinstance(parsed, list) else [parsed]
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ApiError(400, "BAD_FORMAT", f"expected JSON objects with a 'text' field, found "
                           f"{type(item).__name__}", where=f"body[{i}]")
    return "\n".join(json.dumps(item, ensure_ascii=False) for item in items).encode()


@router.post("/articles", status_code=201, summary="Extract and store articles (needs the bearer token)")
async def post_articles(
    request: Request, state: State,
    authorization: Annotated[str | None, Header()] = None,
    lang: Annotated[str, Query(pattern="^(fr|en|auto)$", description="fr, en or auto (detect).")] = "auto",
    published: Annotated[date | None, Query(description="Publication date when the source has none.")] = None,
) -> Json:
    require_token(state, authorization)
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media not in READERS:
        raise ApiError(415, "UNSUPPORTED_MEDIA_TYPE", f"expected one of {sorted(READERS)}, found {media or 'none'!r}",
                       where="header.content-type")
    fmt, name = READERS[media]
    data = await read_body(request)
    if media == "application/json":
        data = json_records(data)

    def run() -> JSON:
        with state.write_lock:
            pipeline = pipeline_for(state.pipelines, None if lang == "auto" else lang,
                                    published.isoformat() if published else None)
            result = ingest_upload(data, name, state.store, pipeline, fmt=fmt)
        rejected = [{"code": f.code, "message": f.message, "where": f.record or "body"}
                    for f in result.report.failures]
        return {"stored_articles": result.stored_articles, "stored_events": result.stored_events,
                "stored_transfers": result.stored_transfers, "already_stored": result.already_stored,
                "rejected": rejected}

    answer = await run_in_threadpool(run)
    if answer["rejected"] and not (answer["stored_articles"] or answer["already_stored"]):
        first = answer["rejected"][0]
        raise ApiError(400, first["code"], first["message"], where=first["where"])
    return Json(answer, status_code=201)
