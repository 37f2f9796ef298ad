"""`chronique serve [--db URL] [--host 127.0.0.1] [--port 8000]`: the REST API and web UI."""

from __future__ import annotations

from typing import Annotated

import typer

from chronique.cli.ingest import DbOption
from chronique.errors import ChroniqueError


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int | None, typer.Option(min=1, max=64, help="Server processes (default: one per core; "
                                                "the Python of a request runs on one core at a time).")] = None,
    answer_threads: Annotated[int, typer.Option(min=0, max=64, help="Threads per worker for the quick reads "
                                                "(0: in the worker's event loop, the fastest on a store whose "
                                                "pages are in memory).")] = 0,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web UI (/) over the store.

    Writes (POST /api/articles) need CHRONIQUE_TOKEN set; without it the server is read-only."""
    import uvicorn

    from chronique.settings import Settings
    from chronique.store.store import Store

    try:
        settings = Settings.load(db)
        Store.open(settings).close()  # migrate once, and fail here rather than in a worker
    except ChroniqueError as error:
        typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
        raise typer.Exit(error.exit_code) from error
    mode = "read-write (bearer token set)" if settings.api_token else "read-only (set CHRONIQUE_TOKEN to allow writes)"
    typer.echo(f"chronique: serving {settings.database_url} on http://{host}:{port}/ — {mode}", err=True)
    import os

    from chronique.api.held_writes import PROTOCOL
    from chronique.api.server import THREADS_ENV

    workers = workers or min(os.cpu_count() or 1, 64)
    if workers > 1:
        os.environ["CHRONIQUE_DB"] = settings.database_url  # each worker builds its app from the environment
        os.environ[THREADS_ENV] = str(answer_threads)
        uvicorn.run("chronique.api.server:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False, http=PROTOCOL)
    else:
        from chronique.api.server import build

        uvicorn.run(build(settings, answer_threads), host=host, port=port, log_level="warning", access_log=False,
                    http=PROTOCOL)


def register(app: typer.Typer) -> None:
    app.command()(serve)
