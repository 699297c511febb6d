"""Running a room in real browsers: the facilitator's console, the presenter view and eight
participants, each in a browser context of their own. The facilitator starts a countdown,
reveals the results, opens a second round; two participants revise, and the presenter view
shows the change without being reloaded."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import join, move_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-room")]

CRITERIA = ("credibility", "neutrality", "funding", "bureaucracy")
OPTIONS = ("funder", "nonprofit", "government", "multi-org", "steering-committee")
SECTORS = ("government", "nonprofit", "funder", "community", "health-care", "business")


def rating_of(person: int, option: int, criterion: int) -> int:
    """A spread of ratings (1-5) that differs from person to person, the same every run."""
    return 1 + (person * 3 + option * 2 + criterion) % 5


def rate_in_round_one(page: Page, base: str, workshop_id: str, person: int) -> None:
    """The person's rating forms as the browser posts them (with their cookie), option by
    option: quicker than clicking 160 radio buttons, and the same requests."""
    for o, option in enumerate(OPTIONS):
        form = {f"rating.{c}": str(rating_of(person, o, k)) for k, c in enumerate(CRITERIA)}
        response = page.request.post(f"{base}/w/{workshop_id}/options/{option}", form=form)
        assert response.ok, response.text()


def test_a_room_of_eight_with_a_countdown_a_reveal_and_a_second_round(server, browser):
    base = server.base_url
    lead_context = browser.new_context(viewport={"width": 1280, "height": 800})
    lead = lead_context.new_page()
    sign_in(lead, base)
    lead.fill('#create-workshop input[name="title"]', "Asthma coalition backbone")
    lead.click('#create-workshop button[type="submit"]')
    expect(lead.locator("#workshop-title")).to_have_text("Asthma coalition backbone")
    workshop_id = re.search(r"/workshops/(\d+)", lead.url).group(1)  # type: ignore[union-attr]
    code = lead.locator("#join-code").inner_text().strip()
    move_to(lead, "Rating the models")

    screen = lead_context.new_page()
    screen.set_viewport_size({"width": 1920, "height": 1080})
    screen.goto(f"{base}/workshops/{workshop_id}/present")
    expect(screen.locator("#present-code")).to_have_text(code)
    screen.evaluate("window.__sameDocument = true")  # proves later updates came without a reload

    phones = []
    for person in range(8):
        phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        join(phone, base, code, f"Member {person + 1}", SECTORS[person % len(SECTORS)])
        expect(phone.locator("#rate")).to_be_visible()
        rate_in_round_one(phone, base, workshop_id, person)
        phones.append(phone)
    expect(screen.locator("#present-joined")).to_have_text("8", timeout=5000)
    expect(screen.locator("#present-missing")).to_contain_text("Academic")

    # The countdown, started from the console, runs on the room's screen and on the phones.
    lead.fill('#timer-form input[name="minutes"]', "3")
    lead.click('#timer-form button[type="submit"]')
    expect(screen.locator("#timer .timer-clock")).to_have_text(
        re.compile(r"^(3:00|2:5\d)$"), timeout=5000
    )
    expect(phones[0].locator("#phone-room #timer")).to_be_visible(timeout=5000)

    # Hidden until the facilitator reveals them (here with the R key on the console).
    expect(screen.locator("#present-hidden")).to_be_visible()
    expect(phones[1].locator("#group-results")).to_have_count(0)
    lead.keyboard.press("r")
    expect(lead.locator("#results-status")).to_have_text("Shown to the room")
    expect(screen.locator("#present-ranking li").first).to_be_visible(timeout=5000)
    expect(phones[1].locator("#my-group-ranking li").first).to_be_visible(timeout=5000)

    # A second round: two participants see their earlier rating and the median, and revise.
    lead.click("#round-form button")
    expect(screen.locator('#rounds-table th[data-round="2"]')).to_be_visible(timeout=5000)
    expect(screen.locator("#moved-total-2")).to_have_text("0")
    for person, phone in ((0, phones[0]), (1, phones[1])):
        phone.locator("#round-continue").click(timeout=8000)
        phone.locator('#rate-steps a[href*="step=funder"]').click()
        card = phone.locator("#option-funder")
        earlier = card.locator(
            '#round-context-funder tr[data-criterion="credibility"] .earlier-mine'
        )
        expect(earlier).to_have_text(str(rating_of(person, 0, 0)))
        revised = 5 if rating_of(person, 0, 0) != 5 else 1
        card.locator(
            f'fieldset[data-criterion="credibility"] label.choice:has(input[value="{revised}"])'
        ).click()
        card.locator('button[type="submit"]').click()
        expect(phone.locator("#option-funder .saved")).to_be_visible()

    expect(screen.locator("#moved-total-2")).to_have_text("2", timeout=5000)
    assert screen.evaluate("window.__sameDocument") is True
    screen.screenshot(path=str(server.log.parent / "presenter-1920.png"))
