"""Every page works on a closed network: the API docs and the main pages name no other host,
and every script, style sheet and icon they load is served here."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.support.api import open_workshop
from tests.support.pages import join_in_page, sign_in

# A reference with a host (a scheme and //, or protocol-relative); url_for() names this one.
WITH_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//([^/?#]*)", re.IGNORECASE)
HERE = "testserver"
PUBLIC_PAGES = ["/", "/login", "/join", "/cases", "/docs", "/redoc"]


def references(html: str) -> list[str]:
    """Every src and href in the page, the API docs' start-up script included."""
    doc = BeautifulSoup(html, "html.parser")
    found = [tag[attr] for attr in ("src", "href") for tag in doc.select(f"[{attr}]")]
    for script in doc.select("script:not([src])"):
        found += re.findall(r"""(?:url|src|href)\s*[:=]\s*['"]([^'"]+)['"]""", script.text)
    return found


def other_hosts(html: str) -> list[str]:
    return [ref for ref in references(html) if (m := WITH_HOST.match(ref)) and m.group(1) != HERE]


def loaded_assets(html: str) -> list[str]:
    doc = BeautifulSoup(html, "html.parser")
    return [t["src"] for t in doc.select("script[src]")] + [
        t["href"] for t in doc.select('link[rel~="stylesheet"], link[rel~="icon"]')
    ]


def _signed_in_pages(client) -> list[str]:  # type: ignore[no-untyped-def]
    _, workshop = open_workshop(client)
    wid = workshop["id"]
    sign_in(client)
    plan = client.post("/plans", data={"title": "Prevention network"}, follow_redirects=False)
    pages = ["/workshops", f"/workshops/{wid}", "/plans", plan.headers["location"]]
    pages.append(f"/workshops/{wid}/export.html")
    htmls = [client.get(path).text for path in pages]
    join_in_page(client, workshop["join_code"])
    return [*htmls, client.get(f"/w/{wid}").text]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_references_no_other_host(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert other_hosts(response.text) == []


def test_signed_in_and_participant_pages_reference_no_other_host(client):
    for html in _signed_in_pages(client):
        assert other_hosts(html) == []


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/"])
def test_page_assets_are_served_here(client, path):
    assets = loaded_assets(client.get(path).text)
    assert any(a.endswith(".js") for a in assets)
    assert any(a.endswith("favicon.svg") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_api_docs_forbid_loading_from_other_hosts(client):
    for path in ("/docs", "/redoc"):
        policy = client.get(path).headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert "http" not in policy and "*" not in policy


def test_swagger_ui_reads_our_openapi_without_the_validator_badge(client):
    html = client.get("/docs").text
    assert "'/openapi.json'" in html or '"/openapi.json"' in html
    assert re.search(r'"validatorUrl":\s*null', html)
    assert client.get("/openapi.json").json()["info"]["title"] == "Backbone Select"
