"""A whole workshop in real browsers: a facilitator and three participants, each in their own
browser context, from sign-in to a recorded decision and a downloaded Markdown rationale."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, assert_fits, join, move_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-workshop")]

PEOPLE = [
    # name, sector, points (credibility, neutrality, funding, bureaucracy), rating per option
    (
        "Ana",
        "government",
        [40, 20, 30, 10],
        {"funder": 4, "nonprofit": 3, "government": 5, "multi-org": 2, "steering-committee": 2},
    ),
    (
        "Ben",
        "nonprofit",
        [25, 25, 25, 25],
        {"funder": 3, "nonprofit": 5, "government": 4, "multi-org": 2, "steering-committee": 1},
    ),
    (
        "Chloe",
        "community",
        [10, 50, 20, 20],
        {"funder": 2, "nonprofit": 5, "government": 3, "multi-org": 3, "steering-committee": 2},
    ),
]


def join_and_weigh(
    page: Page, base: str, code: str, name: str, sector: str, points: list[int]
) -> None:
    join(page, base, code, name, sector)
    expect(page.locator("#weights-form")).to_be_visible()
    inputs = page.locator('#weights-form input[type="number"]')
    for index, value in enumerate(points):
        inputs.nth(index).fill(str(value))
    expect(page.locator("#points-left")).to_have_text("0")
    page.click('#weights-form button[type="submit"]')
    expect(page.locator("#weights .saved")).to_be_visible()


def rate_all(page: Page, ratings: dict[str, int]) -> None:
    """One option at a time, in the order of the steps; each goes on to the next."""
    for option, rating in ratings.items():
        card = page.locator(f"#option-{option}")
        for fieldset in card.locator("fieldset.rating").all():
            fieldset.locator(f'label.choice:has(input[value="{rating}"])').click()
        card.locator('button[name="go"]').click()
        expect(page).to_have_url(re.compile(f"saved={option}#rate$"))
    expect(page.locator("#rating-done")).to_be_visible()


def test_three_participants_reach_a_recorded_decision(server, browser, tmp_path):
    base = server.base_url
    lead_context = browser.new_context(accept_downloads=True)
    lead = lead_context.new_page()
    sign_in(lead, base)
    lead.fill('#create-workshop input[name="title"]', "Diabetes prevention backbone")
    lead.fill('#create-workshop input[name="convener"]', "State health department")
    lead.fill('#create-workshop textarea[name="goal"]', "Enroll more adults in lifestyle programs")
    lead.click('#create-workshop button[type="submit"]')
    expect(lead.locator("#workshop-title")).to_have_text("Diabetes prevention backbone")
    code = lead.locator("#join-code").inner_text().strip()
    assert_accessible(lead, "facilitator: setup")
    move_to(lead, "Weighing the criteria")
    lead.evaluate("window.__sameDocument = true")  # proves later updates came without a reload

    members = []
    for name, sector, points, _ in PEOPLE:
        page = browser.new_context().new_page()
        join_and_weigh(page, base, code, name, sector, points)
        members.append(page)
    expect(lead.locator("#joined-count")).to_have_text("3", timeout=5000)

    move_to(lead, "Rating the models")
    lead.evaluate("window.__sameDocument = true")
    for page, (_, _, _, ratings) in zip(members, PEOPLE, strict=True):
        page.locator("#continue-link").click(timeout=8000)  # the banner noticed the new stage
        rate_all(page, ratings)

    # The facilitator's results refresh by themselves, within two seconds of each submission.
    expect(lead.locator("#submitted-count")).to_have_text("3", timeout=4000)
    assert lead.evaluate("window.__sameDocument") is True
    expect(lead.locator('#ranking li[data-rank="1"]')).to_have_attribute("data-option", "nonprofit")
    assert_accessible(lead, "facilitator: scoring with results")
    assert_fits(lead)  # the group's weights and the rating matrix fit, or scroll in place
    assert_accessible(members[0], "participant: done")

    move_to(lead, "Reviewing the results")
    lead.click('#console-tabs a[data-tab="decide"]')
    lead.select_option('#decision-form select[name="option"]', "nonprofit")
    lead.fill('#decision-form textarea[name="rationale"]', "Trusted by every sector in the room")
    lead.select_option('#decision-form select[name="agreement"]', "consensus")
    lead.fill('#decision-form textarea[name="dissent"]', "Ana would rather the department lead")
    lead.check('#decision-form input[name="confirm"]')  # recording is permanent: asked first
    lead.click('#decision-form button[type="submit"]')
    expect(lead.locator("#decided-option")).to_have_text(re.compile("onprofit"))
    expect(lead.locator("#decision-form")).to_have_count(0)
    assert_accessible(lead, "facilitator: decided")

    with lead.expect_download() as download_info:
        lead.click("#download-md")
    path = tmp_path / "rationale.md"
    download_info.value.save_as(path)
    text = path.read_text()
    assert "# Backbone selection rationale: Diabetes prevention backbone" in text
    assert "Trusted by every sector in the room" in text
    assert "Ana would rather the department lead" in text
    assert "| Government | 1 |" in text and "| Community member | 1 |" in text
    assert re.search(r"\| 1 \| [^|]*onprofit[^|]* \|", text)

    # The room is closed: a participant's page now says so and offers no forms.
    members[0].reload()
    expect(members[0].locator("#decided")).to_be_visible()
    expect(members[0].locator("#weights-form")).to_have_count(0)
    assert_accessible(members[0], "participant: decided")
