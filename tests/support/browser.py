"""What a person does in the browser, step by step (Playwright pages on a live server)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Route, expect

from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD

# axe-core from npm (package.json devDependencies), given to the page under test only: the
# app never serves it.
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("critical", "serious")
PHONE = {"width": 390, "height": 844}

_SUMMARY = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(
  (v) => ({id: v.id, impact: v.impact, help: v.help,
           nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}))"""


def new_phone(browser: Browser, javascript: bool = True) -> Page:
    """A page in a context of its own, 390 px wide, with or without JavaScript."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    context.backbone_javascript = javascript  # type: ignore[attr-defined]
    return context.new_page()


def _run_axe(page: Page) -> list[dict[str, Any]]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the debugging protocol rather than a <script> tag, so a strict
        # Content-Security-Policy on the page does not stop it.
        page.evaluate(AXE.read_text() + "\n;undefined")
    return page.evaluate(_SUMMARY)  # type: ignore[no-any-return]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (id, impact, help, first nodes).
    axe needs timers, which a page without JavaScript never runs: such a page is checked
    as a copy (its HTML as it stands, at its own address, its scripts refused)."""
    if getattr(page.context, "backbone_javascript", True):
        return _run_axe(page)
    html, url = page.content(), page.url.partition("#")[0]
    assert page.context.browser is not None
    context = page.context.browser.new_context(viewport=page.viewport_size)
    try:
        copy = context.new_page()
        copy.route("**/*.js", lambda route: route.abort())

        def same_html(route: Route) -> None:
            route.fulfill(body=html, content_type="text/html; charset=utf-8")

        copy.route(url, same_html)
        copy.goto(url)
        return _run_axe(copy)
    finally:
        context.close()


def assert_accessible(page: Page, name: str = "") -> list[dict[str, Any]]:
    """Fails on any critical or serious axe-core violation; returns all of them. With
    AXE_REPORT=<file>, appends one JSON line per page checked (for the weights report)."""
    found = axe_violations(page)
    label = name or page.url
    report = os.environ.get("AXE_REPORT")
    if report:
        counts: dict[str, int] = {}
        for v in found:
            counts[v["impact"] or "none"] = counts.get(v["impact"] or "none", 0) + 1
        with open(report, "a") as out:
            ids = sorted({v["id"] for v in found})
            line = {"page": label, "violations": len(found), **counts, "ids": ids}
            out.write(json.dumps(line) + "\n")
    blocking = [v for v in found if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {label}: " + json.dumps(blocking, indent=1)
    return found


def assert_fits(page: Page, width: int = 360) -> None:
    """Nothing on the page scrolls sideways on a `width` px screen (a wide table may scroll
    inside its own region)."""
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": 800})
    try:
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{page.url} is {wide} px wide at {width} px"
    finally:
        if before:
            page.set_viewport_size(before)


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill('input[name="email"]', FACILITATOR_EMAIL)
    page.fill('input[name="password"]', FACILITATOR_PASSWORD)
    assert_accessible(page, "sign-in")
    page.click('#login-form button[type="submit"]')
    expect(page).to_have_url(re.compile(r"/workshops$"))
    assert_accessible(page, "workshops")


def join(page: Page, base: str, code: str, name: str, sector: str) -> None:
    """Join through the link a facilitator shares; the caller checks which form appears."""
    page.goto(f"{base}/join?code={code}")
    assert_accessible(page, "join")
    page.fill('input[name="name"]', name)
    page.select_option('select[name="sector"]', sector)
    page.click('#join-form button[type="submit"]')


def move_to(page: Page, stage_label: str) -> None:
    page.click(f'#stage-form button:has-text("{stage_label}")')
    expect(page.locator("#stage-stepper li.current")).to_have_text(stage_label)
