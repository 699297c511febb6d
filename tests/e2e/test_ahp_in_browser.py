"""AHP in real browsers: a facilitator picks pairwise comparison, one participant answers
inconsistently, is shown the judgments to revisit and revises them, and the facilitator
drags the what-if sliders until another option comes first."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import assert_accessible, join, move_to, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-ahp")]

CIRCULAR = {
    "credibility.neutrality": "7",
    "credibility.funding": "1/7",
    "credibility.bureaucracy": "3",
    "neutrality.funding": "7",
    "neutrality.bureaucracy": "1/5",
    "funding.bureaucracy": "5",
}
CONSISTENT = {
    "credibility.neutrality": "2",
    "credibility.funding": "4",
    "credibility.bureaucracy": "8",
    "neutrality.funding": "2",
    "neutrality.bureaucracy": "4",
    "funding.bureaucracy": "2",
}
# (credibility, neutrality, funding, bureaucracy): the nonprofit wins on credibility, the
# government agency on funding.
RATINGS = {
    "nonprofit": (5, 5, 2, 2),
    "government": (3, 2, 5, 4),
    "funder": (2, 2, 2, 3),
    "multi-org": (2, 2, 2, 3),
    "steering-committee": (2, 2, 2, 3),
}


def compare(page: Page, answers: dict[str, str]) -> None:
    """Each pair by its radio buttons: the side, then how much more."""
    for pair, value in answers.items():
        side = "equal" if value == "1" else ("second" if value.startswith("1/") else "first")
        page.check(f'#pairwise-form input[name="side.{pair}"][value="{side}"]')
        if side != "equal":
            strength = value.removeprefix("1/")
            page.check(f'#pairwise-form input[name="strength.{pair}"][value="{strength}"]')
    page.click('#pairwise-form button[type="submit"]')


def rate(page: Page) -> None:
    """Each option by its own step (the steps' order is the workshop's)."""
    for option, values in RATINGS.items():
        page.goto(f"{page.url.split('?')[0].split('#')[0]}?step={option}#rate")
        card = page.locator(f"#option-{option}")
        for fieldset, value in zip(card.locator("fieldset.rating").all(), values, strict=True):
            fieldset.locator(f'label.choice:has(input[value="{value}"])').click()
        expect(card.locator(".saved")).to_contain_text("4 of 4")
    expect(page.locator("#rate-progress")).to_have_text("5 of 5 options rated")


def test_inconsistent_participant_revises_and_facilitator_explores_what_if(server, browser):
    base = server.base_url
    lead = browser.new_context().new_page()
    sign_in(lead, base)
    lead.fill('#create-workshop input[name="title"]', "Maternal health backbone")
    lead.click('#create-workshop button[type="submit"]')
    lead.select_option("#method-elicitation", "ahp")
    lead.click('#method-form button[type="submit"]')
    expect(lead.locator("#method .saved")).to_be_visible()
    code = lead.locator("#join-code").inner_text().strip()
    move_to(lead, "Weighing the criteria")

    ana = browser.new_context().new_page()
    join(ana, base, code, "Ana", "government")
    expect(ana.locator("#pairwise-form")).to_be_visible()
    assert_accessible(ana, "participant: pairwise")
    compare(ana, CIRCULAR)
    # Inconsistent: told so, with the three comparisons worth another look marked in the form.
    expect(ana.locator("#consistency.revisit")).to_be_visible()
    expect(ana.locator("#revisit-list li")).to_have_count(3)
    expect(ana.locator("#pairwise-form .pair-row.to-revisit")).to_have_count(3)
    expect(ana.locator("#revisit-list li").first).to_contain_text("You said")
    expect(lead.locator("#inconsistent-count")).to_be_visible(timeout=5000)

    compare(ana, CONSISTENT)
    expect(ana.locator("#consistency.ok")).to_be_visible()
    expect(ana.locator("#revisit-list")).to_have_count(0)
    expect(ana.locator("#my-pairwise-weights")).to_contain_text("Credibility 53.3%")

    ben = browser.new_context().new_page()
    join(ben, base, code, "Ben", "community")
    expect(ben.locator("#pairwise-form")).to_be_visible()
    compare(ben, CONSISTENT)
    expect(ben.locator("#consistency.ok")).to_be_visible()
    expect(lead.locator("#inconsistent-count")).to_have_count(0, timeout=5000)

    move_to(lead, "Rating the models")
    for page in (ana, ben):
        page.locator("#continue-link").click(timeout=8000)
        rate(page)
    expect(lead.locator("#submitted-count")).to_have_text("2", timeout=5000)
    expect(lead.locator('#ranking li[data-rank="1"]')).to_have_attribute("data-option", "nonprofit")
    expect(lead.locator("#stability tr[data-criterion]")).to_have_count(4)
    expect(lead.locator("#acceptability-ordinal")).to_have_attribute("data-samples", "10000")

    # What-if: drag funding up and the others down; the ranking below the sliders follows.
    lead.goto(f"{lead.url.split('#')[0]}")
    lead.evaluate("window.__sameDocument = true")
    for key, value in (("credibility", 0), ("neutrality", 0), ("bureaucracy", 0), ("funding", 100)):
        lead.eval_on_selector(
            f"#whatif-{key}",
            "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
            str(value),
        )
    expect(lead.locator('#what-if-ranking li[data-rank="1"]')).to_have_attribute(
        "data-option", "government", timeout=5000
    )
    expect(lead.locator("#what-if-sentence")).to_contain_text("instead of")
    expect(lead.locator('output[for="whatif-funding"]')).to_have_text("100%")
    assert lead.evaluate("window.__sameDocument") is True  # updated in place, no reload
    assert_accessible(lead, "facilitator: what-if")
    # The group's own ranking is untouched by exploring.
    expect(lead.locator('#ranking li[data-rank="1"]')).to_have_attribute("data-option", "nonprofit")
