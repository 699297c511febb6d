"""A state health department planner in a real browser: from the questionnaire, through what
follows, similar cases and the budget, to a workshop that carries the proposed weights."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, assert_fits, new_phone, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-planning")]

ANSWERS = {
    "supplier-ties": "some",
    "data-trust": "wary",
    "contracting-time": "long",
    "admin-load": "little",
}


def test_planner_goes_from_questionnaire_to_a_workshop(server, browser):
    base = server.base_url
    page = browser.new_context().new_page()
    sign_in(page, base)

    page.click('header nav a:has-text("Plan (state health department)")')
    page.fill('#create-plan input[name="title"]', "Diabetes prevention partner network")
    page.click('#create-plan button[type="submit"]')
    expect(page.locator("#plan-title")).to_have_text("Diabetes prevention partner network")

    # 1. The situation, each question with why it matters.
    expect(page.locator("#answers-form fieldset.question p.why")).to_have_count(13)
    for question, answer in ANSWERS.items():
        page.check(f'input[name="answers.{question}"][value="{answer}"]')
    page.click('#answers-form button[type="submit"]')

    # 2. What follows, with its source; 3. the most similar case and why.
    distrust = page.locator('#consequences li.consequence[data-rule="data-distrust"]')
    expect(distrust).to_be_visible()
    expect(distrust.locator("cite").first).to_have_attribute(
        "data-source", "bsi-state-health-department-backbone-models"
    )
    first = page.locator("#similar-cases li.similar-case").first
    expect(first).to_have_attribute("data-case", "kansas")
    expect(first.locator(".alike [data-question]")).to_have_count(3)
    assert_accessible(page, "plan: questionnaire and cases")
    assert_fits(page)

    # 4. The plan: choose the model, then edit the budget (htmx swaps the totals in place).
    page.check('#model-choice input[value="public-health-institute"]')
    page.fill('input[name="staff.facilitator"]', "1.5")
    page.click('#plan-form button[type="submit"]')
    expect(page.locator("#plan-model strong")).to_contain_text("Public health institute")
    expect(page.locator("#total-fte")).to_have_text("3.5")
    # The facilitator's salary follows its FTE: half a salary more, and its benefits.
    expect(page.locator("#budget-total")).to_have_text("458,650")
    page.evaluate("window.__sameDocument = true")
    page.fill('input[name="amount.salary-director"]', "90000")
    page.fill('input[name="new_label"]', "Translation")
    page.fill('input[name="new_amount"]', "5000")
    page.click('#budget-form button[type="submit"]')
    expect(page.locator("#budget-total")).to_have_text("475,650")
    expect(page.locator('#budget-table tr[data-line="translation"]')).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True
    page.fill('input[name="amount.office"]', "plenty")
    page.click('#budget-form button[type="submit"]')
    expect(page.locator("#error-amount-office")).to_be_visible()
    expect(page.locator('input[name="amount.office"]')).to_have_value("plenty")
    page.fill('input[name="amount.office"]', "3650")
    page.click('#budget-form button[type="submit"]')
    expect(page.locator("#error-amount-office")).to_have_count(0)

    # 5. A workshop from the plan: the planning models, the proposed weights beside them.
    page.fill('#convert-form input[name="title"]', "Who should be our backbone?")
    page.click('#convert-form button[type="submit"]')
    expect(page).to_have_url(re.compile(r"/workshops/\d+$"))
    expect(page.locator("#workshop-title")).to_have_text("Who should be our backbone?")
    expect(page.locator("#proposed-weights tr[data-criterion]")).to_have_count(8)
    expect(page.locator('#options-list li[data-key="public-health-institute"]')).to_be_visible()
    assert_accessible(page, "workshop from a plan")


def test_planner_without_javascript_still_plans_and_converts(server, browser):
    base = server.base_url
    page = new_phone(browser, javascript=False)
    sign_in(page, base)
    page.goto(f"{base}/plans")
    page.fill('#create-plan input[name="title"]', "No-script plan")
    page.click('#create-plan button[type="submit"]')
    page.check('input[name="answers.cross-sector-body"][value="aligned"]')
    page.click('#answers-form button[type="submit"]')
    expect(page.locator('li.consequence[data-rule="aligned-cross-sector-body"]')).to_be_visible()
    expect(page.locator("#similar-cases li.similar-case").first).to_have_attribute(
        "data-case", "utah"
    )
    page.fill('input[name="amount.office"]', "13650")
    page.click('#budget-form button[type="submit"]')
    expect(page.locator("#budget-total")).to_have_text("435,650")
    # On a phone the budget table fits the screen: nothing scrolls sideways.
    assert_fits(page)
    assert_accessible(page, "plan on a phone")
    page.click('#convert-form button[type="submit"]')
    expect(page).to_have_url(re.compile(r"/workshops/\d+$"))
    expect(page.locator("#proposed-weights")).to_be_visible()
