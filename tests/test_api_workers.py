"""`chronique serve --workers 2` on a SQLite file: articles POSTed at once to both worker processes
are all stored, each once (SQLite's write lock, taken by BEGIN IMMEDIATE with a busy timeout,
serialises the two processes' ingests; each process's own lock serialises its threads), and every
worker's next read sees every write (the ready answers are kept per store version, which another
process's commit moves)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from chronique.settings import Settings
from chronique.store.store import Store
from chronique.store.tables import events

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "workers-test-token"
# Short texts of our own, each a different article (a different content hash).
TEXTS = [f"Le {day} mars, le ministre russe des Affaires étrangères a rencontré son homologue biélorusse "
         f"à Minsk pour la réunion numéro {day}." for day in range(1, 9)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.model
def test_posts_to_two_workers_are_all_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "workers.db"
    Store.open(Settings(database_url=f"sqlite:///{db}")).close()
    port = _free_port()
    env = {**os.environ, "CHRONIQUE_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "chronique", "serve", "--db", str(db), "--port", str(port),
                               "--workers", "2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base, server)
        with httpx.Client(base_url=base, timeout=300) as warm:  # the first articles load each worker's models
            assert warm.get("/api/events").status_code == 200

        def post(text: str) -> httpx.Response:
            with httpx.Client(base_url=base, timeout=300) as c:  # a connection each: both workers accept
                return c.post("/api/articles", content=text.encode(), params={"published": "2024-03-04"},
                              headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})

        # every text twice, all sent at once: the two copies of a text may reach different workers
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(post, TEXTS + TEXTS))
        assert [a.status_code for a in answers] == [201] * len(answers), [a.text for a in answers]
        stored = sum(a.json()["stored_articles"] for a in answers)
        again = sum(a.json()["already_stored"] for a in answers)
        assert (stored, again) == (len(TEXTS), len(TEXTS))  # each text stored once, its copy seen as stored
        with Store.open(Settings(database_url=f"sqlite:///{db}")) as store:
            assert store.counts()["articles"] == len(TEXTS)
            with store.engine.connect() as connection:
                ids = {r[0] for r in connection.execute(select(events.c.id))}
        assert ids  # the texts report meetings
        # a new connection may reach either worker: each of these sees every event written
        for _ in range(6):
            with httpx.Client(base_url=base, timeout=60) as c:
                found = c.get("/api/events", params={"limit": 1000}).json()["events"]
                assert {e["id"] for e in found} == ids
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"expected the server to run, found it exited: {server.stderr.read()!r}"
                                 if server.stderr else "expected the server to run, found it exited")
        try:
            if httpx.get(base + "/api/events", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError(f"expected {base} to answer within 120 s, found no answer")
