"""The API app: ``create_app(settings, store)`` builds it; `chronique serve` runs it under uvicorn."""

from __future__ import annotations

from fastapi import FastAPI

from chronique import __version__
from chronique.api import errors, routes_events, routes_store, routes_write
from chronique.api.answers import ReadyAnswers
from chronique.api.fast import ANSWER_THREADS, FastReads
from chronique.api.state import ApiState
from chronique.settings import Settings
from chronique.store.store import Store


def create_app(settings: Settings, store: Store, *, fast_reads: bool = True,
               answer_threads: int = ANSWER_THREADS) -> FastAPI:
    """An app serving ``store`` (which the caller opens and closes): the REST API under /api, the
    web UI at /, OpenAPI at /openapi.json and /docs. Writes need ``settings.api_token``.
    ``fast_reads=False`` leaves every request to FastAPI (the tests compare both); ``answer_threads``:
    where the fast reads compute a bounded answer (0: in the event loop; fast.ANSWER_THREADS)."""
    from chronique.web import assets  # the UI is served by the same app

    # No OpenTelemetry: chronique is offline and configures no provider, and FastAPI's native
    # telemetry, left on, looked the global providers up (environment variables) on every request,
    # an eighth of the event loop's time under load (py-spy, docs/performance.md).
    app = FastAPI(title="chronique", version=__version__, docs_url=None, redoc_url=None,
                  telemetry={"tracing": False, "metrics": False, "logs": False},
                  description="Political event data from news reports: events, their sources and "
                  "evidence, actors, places, transfers. Errors are {code, message, where}.")
    state = ApiState(settings=settings, store=store)
    app.state.chronique = state
    if fast_reads:  # inside the ready answers, which keep what it computes
        app.add_middleware(FastReads, state=state, answer_threads=answer_threads)
    # Outside the routing: a kept answer is sent before FastAPI parses, validates or encodes anything.
    app.add_middleware(ReadyAnswers, version=state.version, answers=state.answers)
    errors.install(app)
    errors.install_missing_assets(app, assets.AssetMissing)
    for module in (routes_events, routes_store, routes_write):
        app.include_router(module.router)
    assets.install(app)
    return app
