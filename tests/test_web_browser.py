"""The web UI in Debian's Chromium (Playwright, headless): load the events view, filter by actor
and text, open an event and see its evidence highlighted, see the map and the timeline, follow
the URL's filters on reload, and check that article text holding <script> runs nothing and that
no request leaves the machine. Screenshots go to the test's output folder."""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import HOSTILE, N_PLAIN, fill

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a filled SQLite store, served by uvicorn on a free loopback port."""
    import uvicorn

    from chronique.api import create_app
    from chronique.settings import Settings
    from chronique.store.store import Store

    settings = Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}")
    store = Store.open(settings)
    fill(store)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (scripts/test installs Debian's chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A page that records every request and script error; no request may leave the app."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.requests, p.errors = [], []
    p.on("request", lambda r: p.requests.append(r.url))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    assert all(u.startswith(base_url) or u.startswith("data:") for u in p.requests), p.requests
    assert p.errors == []
    context.close()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready=true]")


def test_events_view_filters_by_actor_and_text(page: Any, base_url: str, tmp_path: Path) -> None:
    _open(page, base_url + "/")
    assert page.locator("table.events tbody tr").count() == N_PLAIN + 1
    assert "merge=false" in page.locator(".exports a").first.get_attribute("href")  # downloads what is shown
    page.screenshot(path=str(tmp_path / "events.png"), full_page=True)
    page.fill("input[name=actor]", "UKR")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?actor=UKR*")
    _ready(page)
    rows = page.locator("table.events tbody tr")
    assert rows.count() == N_PLAIN // 4
    assert all(t.startswith("UKR") for t in rows.locator("td:nth-child(2)").all_inner_texts())
    page.fill("input[name=text]", "numéro 7")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**text=*")
    _ready(page)
    assert rows.count() == 1 and "numéro 7" in rows.first.inner_text()
    page.reload()  # the URL carries the filters
    _ready(page)
    assert page.input_value("input[name=actor]") == "UKR" and rows.count() == 1


def test_event_page_highlights_the_evidence_and_runs_no_script(page: Any, base_url: str, tmp_path: Path) -> None:
    _open(page, base_url + "/?text=DROP")
    page.click("table.events tbody tr a[href^='/event/']")
    page.wait_for_url("**/event/*")
    _ready(page)
    evidence = "".join(page.locator("article.source mark.evidence").all_inner_texts())
    assert evidence == HOSTILE  # the whole sentence, cut around the actors highlighted inside it
    assert page.locator("article.source mark.evidence mark.actor").all_inner_texts() == ["FRA", "DEU"]
    assert "<script>window.__pwned = 1</script>" in page.locator("article.source .article-text").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article.source script, article.source img, .evidence-quote b").count() == 0
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    page.click("table.record a[href='/actor/FRA']")
    page.wait_for_url("**/actor/FRA")
    _ready(page)
    assert "DEU" in page.locator(".panel").nth(1).inner_text()  # counterparts


def test_map_and_timeline_render_and_filter(page: Any, base_url: str, tmp_path: Path) -> None:
    _open(page, base_url + "/")
    assert page.locator("svg.map path.country").count() > 100  # Natural Earth outlines, served by the app
    assert page.locator("svg.map circle.place").count() == 4
    assert page.locator("svg.timeline rect[data-bucket]").count() >= 12
    page.screenshot(path=str(tmp_path / "charts.png"))
    page.locator("svg.map circle.place[data-place=Minsk]").dispatch_event("click")
    page.wait_for_url("**place=Minsk*")
    _ready(page)
    assert page.locator("table.events tbody tr").count() == N_PLAIN // 4
    _open(page, base_url + "/")
    bars = page.locator("svg.timeline rect[data-bucket]")
    first, last = bars.first.bounding_box(), bars.nth(2).bounding_box()
    page.mouse.move(first["x"] + 1, first["y"] + first["height"] - 2)
    page.mouse.down()
    page.mouse.move(last["x"] + 1, last["y"] + last["height"] - 2, steps=4)
    page.mouse.up()
    page.wait_for_url("**since=*")
    _ready(page)
    dates = page.locator("table.events tbody tr td:first-child").all_inner_texts()
    assert dates and all("2022-01-01" <= d <= "2022-03-31" for d in dates)


def test_transfers_table_shows_evidence(page: Any, base_url: str) -> None:
    _open(page, base_url + "/transfers?supplier=RUS")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 2 and all("accord" in t for t in rows.locator("td:last-child").all_inner_texts())


def test_docs_are_served_from_the_app(page: Any, base_url: str) -> None:
    if shutil.which("npm") is None and not (Path(__file__).parents[1] / "chronique/web/node_modules").is_dir():
        pytest.skip("the npm files are not installed")
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .info")
    assert "chronique" in page.locator(".swagger-ui .info").inner_text()
