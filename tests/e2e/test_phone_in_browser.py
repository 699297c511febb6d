"""A participant on a 390 px phone, with JavaScript and without: the collective-impact workshop
(13 criteria, 7 options) rated one option at a time, a reload half-way, the same person
resumed in a second browser with the resume code, and the stage change seen while scrolled
down. axe-core checks every page on the way."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.support import api
from tests.support.browser import PHONE, assert_accessible, assert_fits, join, new_phone

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-phone")]


def collective_impact(base: str) -> tuple[dict[str, str], dict[str, Any]]:
    with httpx.Client(base_url=base) as client:
        auth = api.login(client)
        workshop = api.create_workshop(
            client, auth, template="collective-impact", goal="Halve infant deaths by 2030"
        )
        # A seventh option of the group's own, beside the catalogue's six.
        added = client.post(
            f"{api.API}/workshops/{workshop['id']}/options",
            json={"name": "Community foundation", "description": "The county's foundation"},
            headers=auth,
        )
        assert added.status_code == 201, added.text
        api.set_stage(client, auth, workshop["id"], "weighting")
        workshop = client.get(f"{api.API}/workshops/{workshop['id']}", headers=auth).json()
    return auth, workshop


def move(base: str, auth: dict[str, str], workshop: dict[str, Any], stage: str) -> None:
    with httpx.Client(base_url=base) as client:
        api.set_stage(client, auth, workshop["id"], stage)


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def weigh(page: Page, workshop: dict[str, Any]) -> None:
    inputs = page.locator('#weights-form input[type="number"]')
    count = len(workshop["criteria"])
    for index in range(count):
        inputs.nth(index).fill("10" if index < 10 else "0")
    page.locator("#weights-form button[type=submit]").scroll_into_view_if_needed()
    # Scrolled to the end of the form, the points left are still on screen.
    assert in_view(page, ".points-left")
    page.click("#weights-form button[type=submit]")


def rate_step(page: Page, rating: int, javascript: bool) -> None:
    """Every criterion of the option on screen; with JavaScript each click saves."""
    key = page.locator("article.option-card").get_attribute("id")
    for fieldset in page.locator("#rating-form fieldset.rating").all():
        fieldset.locator(f'label.choice:has(input[value="{rating}"])').click()
    if javascript:
        expect(page.locator(f"#{key} .saved")).to_contain_text("13 of 13", timeout=8000)
        # The focus stayed on the last choice made, through the save.
        assert page.evaluate("document.activeElement.name") == "rating.administrative-burden"
    page.click("#rating-form button[name=go]")
    # On to the next step, which says this one was saved.
    expect(page).to_have_url(re.compile(f"saved={key.removeprefix('option-')}#rate$"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_participant_rates_seven_options_resumes_and_sees_the_stage(server, browser, javascript):
    base = server.base_url
    auth, workshop = collective_impact(base)
    ana = new_phone(browser, javascript)
    join(ana, base, workshop["join_code"], "Ana", "community")
    expect(ana.locator("#resume-code")).to_be_visible()
    resume_code = ana.locator("#resume-code").inner_text()
    assert_accessible(ana, "participant: weighting")
    assert_fits(ana)
    ana.click("#brief-link")
    expect(ana.locator("#criterion-equity-credibility .questions li").first).to_be_visible()
    assert_accessible(ana, "brief")
    assert_fits(ana)
    ana.go_back()
    weigh(ana, workshop)
    expect(ana.locator("#weights .saved")).to_be_visible()

    # Scrolled to the bottom, the participant still learns that the stage moved on (with
    # JavaScript the notice changes by itself; without, a reload shows the current stage).
    ana.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    move(base, auth, workshop, "scoring")
    if javascript:
        expect(ana.locator("#continue-link")).to_be_visible(timeout=8000)
        assert in_view(ana, "#stage-notice")
        ana.click("#continue-link")
    else:
        ana.reload()
    expect(ana.locator("#stage-notice .stage-banner")).to_have_attribute("data-stage", "scoring")
    expect(ana.locator("#rate-progress")).to_have_text("0 of 7 options rated")
    assert_accessible(ana, "participant: rating step")
    assert_fits(ana)

    for _ in range(3):
        rate_step(ana, 4, javascript)
    if not javascript:
        expect(ana.locator("#step-saved")).to_be_visible()
        assert ana.url.endswith("#rate")
    ana.reload()  # mid-way: nothing typed is lost
    expect(ana.locator("#rate-progress")).to_have_text("3 of 7 options rated")

    # A second phone: the participant's page offers the resume form; the codes bring Ana back.
    other = new_phone(browser, javascript)
    other.goto(f"{base}/w/{workshop['id']}")
    expect(other.locator("#not-here")).to_be_visible()
    assert_accessible(other, "resume offer")
    other.fill('#resume-form input[name="join_code"]', workshop["join_code"].lower())
    other.fill('#resume-form input[name="resume_code"]', resume_code)
    other.click("#resume-form button[type=submit]")
    expect(other.locator("#rate-progress")).to_have_text("3 of 7 options rated")
    for _ in range(4):
        rate_step(other, 3, javascript)
    expect(other.locator("#rating-done")).to_be_visible()
    expect(other.locator("#rate-progress")).to_have_text("7 of 7 options rated")
    assert_accessible(other, "participant: done")

    move(base, auth, workshop, "results")
    other.reload()
    expect(other.locator("#stage-notice .stage-banner")).to_have_attribute("data-stage", "results")
    assert_accessible(other, "participant: results")
    # The first phone was signed out when the second took over: it is offered the resume form.
    ana.reload()
    expect(ana.locator("#not-here")).to_be_visible()
