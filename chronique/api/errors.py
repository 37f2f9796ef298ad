"""One error shape for every API error: ``{"code", "message", "where"}``.

Bad parameters are 4xx with the parameter named in ``where``; chronique's own errors keep their
stable codes; anything unexpected is a 500 whose body says so without leaking internals.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from chronique.errors import ChroniqueError, KnowledgeError, ModelError, StoreError

log = logging.getLogger("chronique.api")

# Starlette's own statuses (unknown route, wrong method…) get a stable code too.
_HTTP_CODES = {401: "UNAUTHORIZED", 403: "READ_ONLY", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED",
               413: "TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE"}


class ApiError(Exception):
    """An error an endpoint raises on purpose, with its HTTP status."""

    def __init__(self, status: int, code: str, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.where = status, code, message, where


def body(code: str, message: str, where: str | None) -> dict[str, str | None]:
    return {"code": code, "message": message, "where": where}


def _reply(status: int, code: str, message: str, where: str | None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body(code, message, where), status_code=status, headers=headers)


def status_of(error: ChroniqueError) -> int:
    """The server's own resources failing is 503; everything else chronique raises is the input's fault."""
    if isinstance(error, StoreError | ModelError | KnowledgeError):
        return 503
    return 400


def reply_for(exc: ApiError | ChroniqueError) -> JSONResponse:
    """The answer to an error raised on purpose: by a route (through the handlers below) or by the
    fast path of the hot reads (fast.py), in the same bytes."""
    if isinstance(exc, ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _reply(exc.status, exc.code, exc.message, exc.where, headers)
    where = exc.location() or None
    if where and where.startswith("--"):  # a library error names the CLI option: name the parameter
        where = "query." + where[2:]
    return _reply(status_of(exc), exc.code, exc.message, where)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one error shape."""

    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return reply_for(exc)

    async def chronique_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ChroniqueError)
        return reply_for(exc)

    async def validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())) or None
        found = first.get("input")
        message = f"expected {first.get('msg', 'a valid value').lower()}, found {found!r}"
        return _reply(422, "BAD_PARAMETER", message, where)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        code = _HTTP_CODES.get(exc.status_code, f"HTTP_{exc.status_code}")
        found = f"{request.method} {request.url.path}: {exc.detail}"
        return _reply(exc.status_code, code, f"expected a route of the API (see /docs), found {found}",
                      request.url.path)

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path, exc_info=exc)
        return _reply(500, "INTERNAL_ERROR", f"expected to answer, found an internal error ({type(exc).__name__})",
                      request.url.path)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(ChroniqueError, chronique_error)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)


def install_missing_assets(app: FastAPI, missing: type[LookupError]) -> None:
    """The UI's "front-end file not installed" answers 404 NOT_INSTALLED in the one error shape."""

    async def not_installed(_: Request, exc: Exception) -> JSONResponse:
        return _reply(404, "NOT_INSTALLED", str(exc), getattr(exc, "where", None))

    app.add_exception_handler(missing, not_installed)
