"""Where the UI's files are, and the routes that serve them from the API app.

The pages are one HTML shell; app.js draws the view the URL names (events, an event, an actor,
transfers), so every view can be shared and reloaded. Country outlines (Natural Earth via the npm
package world-atlas), the TopoJSON decoder and Swagger UI come from node_modules: nothing is
fetched from elsewhere, and a missing install is a clear 404, not a page that calls out.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles


class AssetMissing(LookupError):
    """A front-end file that scripts/setup installs is not there (the API answers 404 NOT_INSTALLED
    in its one error shape; the UI sits below the API and does not import it)."""

    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.message, self.where = message, where

WEB = Path(__file__).resolve().parent
STATIC = WEB / "static"
MODULES = WEB / "node_modules"
# URL name → file under node_modules (the only third-party files the UI uses)
VENDOR = {
    "countries-110m.json": "world-atlas/countries-110m.json",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
PAGES = ("/", "/event/{event_id}", "/actor/{code}", "/transfers")
# The UI runs only its own scripts and talks only to its own origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def vendor_path(name: str) -> Path:
    relative = VENDOR.get(name)
    path = MODULES / relative if relative else None
    if path is None or not path.is_file():
        raise AssetMissing(f"expected the front-end file {name!r} installed by scripts/setup "
                       "(npm ci in chronique/web), found none", f"/vendor/{name}")
    return path


def install(app: FastAPI) -> None:
    """Serve the UI pages, its static files, the vendored files and an offline /docs."""

    shell = (STATIC / "index.html").read_bytes()  # one small file: kept, sent without a thread hop

    async def page() -> Response:
        return HTMLResponse(shell, headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET"], include_in_schema=False)

    def vendor(name: str) -> Response:
        return FileResponse(vendor_path(name), headers={"Cache-Control": "max-age=86400"})

    app.add_api_route("/vendor/{name}", vendor, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def docs(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="chronique API",
                                   swagger_js_url="/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger-ui.css", swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})

    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)
