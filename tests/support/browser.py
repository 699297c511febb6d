"""What a person does in the browser, step by step (Playwright pages on a live server)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill('input[name="email"]', FACILITATOR_EMAIL)
    page.fill('input[name="password"]', FACILITATOR_PASSWORD)
    page.click('#login-form button[type="submit"]')
    expect(page).to_have_url(re.compile(r"/workshops$"))


def join(page: Page, base: str, code: str, name: str, sector: str) -> None:
    """Join through the link a facilitator shares; the caller checks which form appears."""
    page.goto(f"{base}/join?code={code}")
    page.fill('input[name="name"]', name)
    page.select_option('select[name="sector"]', sector)
    page.click('#join-form button[type="submit"]')


def move_to(page: Page, stage_label: str) -> None:
    page.click(f'#stage-form button:has-text("{stage_label}")')
    expect(page.locator("#stage-stepper li.current")).to_have_text(stage_label)
