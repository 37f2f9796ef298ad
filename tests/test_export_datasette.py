"""A chronique SQLite store opened with datasette's Python API: the events view with text, date,
place and coordinates, search through the standard FTS index on articles, and metadata.json."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.settings import Settings
from chronique.store.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from test_store_helpers import make_extraction

runner = CliRunner()


async def _browse(path: Path, metadata: dict[str, Any]) -> dict[str, Any]:
    from datasette.app import Datasette

    ds = Datasette([str(path)], metadata=metadata)
    await ds.invoke_startup()
    name = path.stem
    out: dict[str, Any] = {}
    out["events"] = (await ds.client.get(f"/{name}/event_table.json?_shape=array&_size=max")).json()
    out["search"] = (await ds.client.get(f"/{name}/articles.json?_search=Bielorussie&_shape=array")).json()
    out["kyiv"] = (await ds.client.get(f"/{name}/articles.json?_search=Kyiv&_shape=array")).json()
    out["fts"] = await ds.databases[name].fts_table("articles")
    out["hidden"] = await ds.databases[name].hidden_table_names()
    return out


def test_datasette_opens_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store.open(Settings(database_url=f"sqlite:///{path}")) as store:
        store.write([make_extraction(i) for i in range(4)])
    meta_path = tmp_path / "metadata.json"
    result = runner.invoke(app, ["datasette-metadata", "--db", str(path), "-o", str(meta_path)])
    assert result.exit_code == 0, result.output
    with Store.open(Settings(database_url=f"sqlite:///{path}")) as store:  # stored after the set-up:
        store.write([make_extraction(i, lang="en") for i in range(4, 6)])   # the triggers index them
    metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    tables = metadata["databases"]["store"]["tables"]
    assert tables["articles"]["fts_table"] == "articles_search" and "latitude" in tables["event_table"]["columns"]

    seen = asyncio.run(_browse(path, metadata))
    assert seen["fts"] == "articles_search"
    assert len(seen["events"]) == 6
    minsk = next(e for e in seen["events"] if e["place_name"] == "Minsk" and e["event_text"].startswith("Le "))
    assert minsk["event_text"].startswith("Le gouvernement RUS") and minsk["date_value"].startswith("2022-")
    assert minsk["cameo"] == "0332" and minsk["article_title"].startswith("Dépêche")
    assert {"latitude", "longitude", "country_code"} <= set(minsk)
    assert len(seen["search"]) == 4  # the French articles say "Biélorussie": accents fold
    assert len(seen["kyiv"]) == 1  # an article stored after the set-up is found too
    assert {"articles_fts", "articles_search", "article_signatures"} <= set(seen["hidden"])


def test_datasette_metadata_needs_an_existing_sqlite_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(app, ["datasette-metadata", "--db", str(missing)])
    assert result.exit_code == 7 and not missing.exists()
    result = runner.invoke(app, ["datasette-metadata", "--db", "postgresql://u@localhost/x"])
    assert result.exit_code == 2 and "SQLite" in result.output
