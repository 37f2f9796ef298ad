"""The app as a server process runs it: the store opened for the life of the app."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from chronique.api.app import create_app
from chronique.api.fast import ANSWER_THREADS
from chronique.api.routes_events import day_counts
from chronique.api.routes_store import PLACES, place_counts
from chronique.api.state import ApiState
from chronique.errors import ChroniqueError
from chronique.settings import Settings
from chronique.store.query import EventQuery
from chronique.store.store import Store

log = logging.getLogger("chronique.api")


THREADS_ENV = "CHRONIQUE_ANSWER_THREADS"  # `serve --answer-threads`, passed to each worker process


def build(settings: Settings, answer_threads: int = ANSWER_THREADS) -> FastAPI:
    """An app over the database of ``settings``; the store closes when the server stops."""
    store = Store.open(settings, migrate=False)
    app = create_app(settings, store, answer_threads=answer_threads)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # The first page's aggregates over the whole store are the slowest answers: compute them
        # while the server already answers, so the first visitor finds them cached.
        threading.Thread(target=warm, args=(app.state.chronique,), name="chronique-warm", daemon=True).start()
        yield
        app.state.chronique.version.close()
        app.state.chronique.pages.close()
        store.close()

    app.router.lifespan_context = lifespan
    return app


def warm(state: ApiState) -> None:
    """Fill the aggregate cache for the unfiltered timeline and map (what the UI opens on)."""
    whole = EventQuery(limit=None)
    try:
        day_counts(state, whole, months=True)  # the UI opens on months
        place_counts(state, whole, PLACES)
    except ChroniqueError as error:  # the request that needs them will report it
        log.warning("could not warm the aggregates: %s", error.describe())


def app_from_env() -> FastAPI:
    """uvicorn's factory for several workers: settings from the environment."""
    return build(Settings.load(), int(os.environ.get(THREADS_ENV, ANSWER_THREADS)))
