"""The REST API (FastAPI): ``create_app(settings, store)``; thin routes over the store's read views."""

from chronique.api.app import create_app

__all__ = ["create_app"]
