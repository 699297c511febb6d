"""The API docs at /docs (Swagger UI) and /redoc (ReDoc), served from static/dist, never a CDN.

Workshops run on closed networks: the scripts come from npm through package.json and
`npm run build`, and a Content-Security-Policy keeps the browser from fetching anything from
another host (ReDoc's sidebar asks for its logo from the web; the policy blocks it and ReDoc
shows the link without the image).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import HTMLResponse

FAVICON = "/static/src/favicon.svg"
DIST = "/static/dist"
SAME_HOST_ONLY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",  # the page's inline start-up script
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
    ]
)


def _same_host_only(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = SAME_HOST_ONLY
    return page


def install_api_docs(app: FastAPI) -> None:
    """Add /docs and /redoc; build the app with docs_url=None and redoc_url=None."""
    title = f"{app.title}: API"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=title,
            swagger_js_url=f"{root}{DIST}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DIST}/swagger-ui.css",
            swagger_favicon_url=f"{root}{FAVICON}",
            # No badge from the public validator service.
            swagger_ui_parameters={"validatorUrl": None},
        )
        return _same_host_only(page)

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=title,
            redoc_js_url=f"{root}{DIST}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{FAVICON}",
            with_google_fonts=False,
        )
        return _same_host_only(page)
