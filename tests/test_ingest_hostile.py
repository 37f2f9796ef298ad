"""The hostile-input corpus (tests/hostile_inputs.py, generated here): no traceback, no hang, the
good article beside each case lands, the bad one is a failure row (or lands cleaned)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from chronique.errors import ChroniqueError
from chronique.ingest.readers import warc_bounds
from chronique.ingest.sources import read_sources
from chronique.schema import Article
from chronique.settings import Settings
from chronique.store.store import Store
from chronique.store.tables import articles, failures
from chronique.textclean import clean_text

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from hostile_inputs import CASES, Case, good_text, payload_bomb, write_case, write_corpus  # noqa: E402
from test_store_helpers import fresh_postgres_url  # noqa: E402


def _valid(article: Article) -> bool:
    """Storable on both backends: encodable as UTF-8 (no lone surrogate) and without NUL."""
    fields = [article.text, article.title or "", article.url or "", article.source or ""]
    encoded = [f.encode("utf-8", "strict") for f in fields]  # raises on a lone surrogate
    return not any(b"\x00" in e for e in encoded)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_readers_isolate_each_hostile_input(case: Case, tmp_path: Path) -> None:
    hostile, _ = write_case(case, tmp_path, 1)
    items = list(read_sources([tmp_path]))  # the folder: a FIFO in it must not hang the walk
    found = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ChroniqueError)]
    assert good_text(1) in [a.text for a in found]
    assert all(_valid(a) for a in found)
    mine = [a for a in found if a.text != good_text(1)]
    if case.outcome == "rejected" and not case.at_extraction:
        assert [(e.code, e.where) for e in errors] == [(case.code, str(hostile))]
        assert mine == []
    elif case.outcome == "inert":
        assert all(len(a.text) < 100 for a in mine)
    else:
        assert errors == [] and len(mine) == 1


def _ingest(folder: Path, url: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chronique", "ingest", str(folder), "--db", url],
                          capture_output=True, text=True, timeout=timeout, errors="replace")


@pytest.mark.model
@pytest.mark.slow
def test_ingest_of_the_whole_corpus_stores_every_good_article(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    run = _ingest(tmp_path / "in", url)
    assert "Traceback" not in run.stderr
    assert run.returncode == 1, run.stderr[-2000:]
    with Store.open(Settings(database_url=url)) as store, store.engine.connect() as connection:
        texts = {r.text: r.source for r in connection.execute(select(articles.c.text, articles.c.source))}
        rows = {(r.source, r.code) for r in connection.execute(select(failures.c.source, failures.c.code))}
    for number, (case, hostile, _) in enumerate(corpus):
        assert good_text(number) in texts, case.name
        source = clean_text(str(hostile))
        if case.outcome == "rejected":
            assert (source, case.code) in rows, (case.name, sorted(rows))
        elif case.outcome == "kept":
            assert any(s.startswith(source) for s in texts.values()), case.name


@pytest.mark.model
@pytest.mark.slow
def test_postgresql_stores_what_the_readers_let_through(tmp_path: Path) -> None:
    """NUL, lone surrogates and control characters stopped a PostgreSQL run; now they are cleaned
    once, at the Article boundary, and the article lands on both backends."""
    url = next(fresh_postgres_url())
    kept = tuple(c for c in CASES if c.outcome == "kept" and c.file_name.endswith(b".jsonl"))
    corpus = write_corpus(tmp_path / "in", kept)
    run = _ingest(tmp_path / "in", url)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    with Store.open(Settings(database_url=url)) as store:
        assert store.counts()["articles"] == 2 * len(corpus)


def test_a_named_pipe_given_by_name_is_refused_not_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    [error] = list(read_sources([pipe]))
    assert isinstance(error, ChroniqueError) and "named pipe" in error.message and error.where == str(pipe)


def test_an_unlistable_folder_is_a_failure_not_a_silent_skip(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(good_text(1), encoding="utf-8")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text(good_text(2), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # what a folder without read permission does (tests may run as root)
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_sources([tmp_path]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
    error = items[0]
    assert isinstance(error, ChroniqueError)
    assert error.where == str(tmp_path / "closed") and "Permission denied" in error.message


def test_a_decompression_bomb_is_abandoned_after_a_bounded_amount_of_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warc_bounds, "EXPANSION_FLOOR", 4 * 1024 * 1024)  # the 256 MiB floor, scaled down
    path = tmp_path / "bomb.warc.gz"
    payload_bomb(64 * 1024 * 1024)(path)
    [error] = list(read_sources([path]))
    assert isinstance(error, ChroniqueError) and error.code == "TOO_LARGE"
    assert "decompression bomb" in error.message and error.record == 1
