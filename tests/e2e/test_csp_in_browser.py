"""The strict Content-Security-Policy in Chromium: htmx swaps, polling and the page scripts all
work under it, and no page reports a single violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import join, move_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-csp")]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def _watched(browser) -> tuple[Page, list[str]]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Security Policy" in m.text else None)
    return page, console


def test_csp_pages_work_with_htmx_and_report_no_violation(server, browser):
    base = server.base_url
    lead, lead_console = _watched(browser)
    sign_in(lead, base)
    lead.fill('#create-workshop input[name="title"]', "Policy check")
    lead.click('#create-workshop button[type="submit"]')
    code = lead.locator("#join-code").inner_text().strip()
    move_to(lead, "Weighing the criteria")  # an htmx swap of the stage panel
    lead.evaluate("window.__sameDocument = true")

    member, member_console = _watched(browser)
    join(member, base, code, "Dana", "funder")
    inputs = member.locator('#weights-form input[type="number"]')
    for index, value in enumerate([40, 30, 20, 10]):
        inputs.nth(index).fill(str(value))
    expect(member.locator("#points-left")).to_have_text("0")  # app.js runs
    member.click('#weights-form button[type="submit"]')
    expect(member.locator("#weights .saved")).to_be_visible()  # htmx swapped the answer in

    expect(lead.locator("#joined-count")).to_have_text("1", timeout=5000)  # polling works
    assert lead.evaluate("window.__sameDocument") is True
    for page, console in ((lead, lead_console), (member, member_console)):
        assert page.evaluate("window.__violations") == []
        assert console == []
