"""The app as a server process runs it: the store opened for the life of the app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from chronique.api.app import create_app
from chronique.settings import Settings
from chronique.store.store import Store


def build(settings: Settings) -> FastAPI:
    """An app over the database of ``settings``; the store closes when the server stops."""
    store = Store.open(settings, migrate=False)
    app = create_app(settings, store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app.router.lifespan_context = lifespan
    return app


def app_from_env() -> FastAPI:
    """uvicorn's factory for several workers: settings from the environment."""
    return build(Settings.load())
