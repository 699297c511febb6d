"""The API docs in Chromium as on a closed network: every request to another host is refused,
and Swagger UI and ReDoc still render every operation from what this server sends."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

pytestmark = pytest.mark.browser

# ReDoc's sidebar footer asks for its logo from the web; the page's policy blocks it.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _closed_network(page: Page, base: str) -> tuple[list[str], list[str]]:
    """Refuse every request that leaves the server; return (loaded here, refused)."""
    here = urlsplit(base).netloc
    loaded: list[str] = []
    refused: list[str] = []

    def route(r: Route) -> None:
        if urlsplit(r.request.url).netloc == here:
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("requestfinished", lambda request: loaded.append(request.url))
    return loaded, refused


def _operations(page: Page, base: str) -> int:
    """How many operation entries the docs list: one per operation under each of its tags."""
    spec = page.request.get(f"{base}/openapi.json").json()
    return sum(
        len(operation.get("tags") or ["default"])
        for methods in spec["paths"].values()
        for operation in methods.values()
    )


def test_swagger_ui_renders_every_operation_offline(browser, server):
    page = browser.new_page()
    loaded, refused = _closed_network(page, server.base_url)
    page.goto(f"{server.base_url}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Backbone Select")
    expect(page.locator(".opblock")).to_have_count(_operations(page, server.base_url))
    assert refused == []
    assert f"{server.base_url}/static/dist/swagger-ui-bundle.js" in loaded
    assert page.evaluate("document.querySelector('link[rel~=icon]').href").endswith("favicon.svg")
    page.close()


def test_redoc_renders_every_operation_offline(browser, server):
    page = browser.new_page()
    loaded, refused = _closed_network(page, server.base_url)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{server.base_url}/redoc")
    count = _operations(page, server.base_url)
    expect(page.locator('[data-section-id^="tag/"][data-section-id*="/operation/"]')).to_have_count(
        count
    )
    assert refused == []  # the policy stops the logo before it is even asked for
    assert all(REDOC_LOGO in message for message in blocked)
    assert f"{server.base_url}/static/dist/redoc.standalone.js" in loaded
    assert all(url.removeprefix("blob:").startswith(server.base_url) for url in loaded)
    page.close()
