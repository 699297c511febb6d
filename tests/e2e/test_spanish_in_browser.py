"""A participant on a 390 px phone in Spanish: chooses Spanish on the join page, weighs, rates
every option, sees the group's results once revealed, and downloads the rationale in Spanish;
axe-core checks each page, and screenshots go to $SCREENSHOTS (default /tmp) to look at."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.support import api
from tests.support.browser import assert_accessible, assert_fits, new_phone

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("e2e-spanish")]
SHOTS = Path(os.environ.get("SCREENSHOTS", "/tmp"))


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"es-{name}.png"), full_page=True)


def quick_workshop(base: str) -> tuple[dict[str, str], dict[str, Any]]:
    with httpx.Client(base_url=base) as client:
        auth = api.login(client)
        workshop = api.create_workshop(client, auth, title="Red regional de prevención")
        api.set_stage(client, auth, workshop["id"], "weighting")
    return auth, workshop


def test_participant_takes_part_in_spanish_on_a_phone(server, browser, tmp_path):
    base = server.base_url
    auth, workshop = quick_workshop(base)
    ana = new_phone(browser)
    ana.goto(f"{base}/join?code={workshop['join_code']}")
    ana.click('#language-switch button[value="es"]')
    expect(ana.locator("html")).to_have_attribute("lang", "es")
    expect(ana.locator("h1")).to_have_text("Unirse a un taller")
    assert_accessible(ana, "join in Spanish")
    shot(ana, "1-join")
    ana.fill('input[name="name"]', "Ana")
    ana.select_option('select[name="sector"]', "community")
    expect(ana.locator("#join-language")).to_have_value("es")
    ana.click('#join-form button[type="submit"]')

    # Weighing: the criteria in Spanish, the points left counted down.
    expect(ana.locator("#weights h2")).to_have_text("1. Pondere los criterios")
    inputs = ana.locator('#weights-form input[type="number"]')
    for index, points in enumerate((40, 30, 20, 10)):
        inputs.nth(index).fill(str(points))
    expect(ana.locator("#points-left")).to_have_text("0")
    ana.click("#weights-form button[type=submit]")
    expect(ana.locator("#weights .saved")).to_have_text("Ponderaciones guardadas.")
    assert_fits(ana)
    shot(ana, "2-weigh")

    ana.click("#brief-link")
    expect(ana.locator("#backbone-term")).to_contain_text("organización de apoyo central")
    assert_accessible(ana, "brief in Spanish")
    shot(ana, "2b-brief")

    with httpx.Client(base_url=base) as client:
        api.set_stage(client, auth, workshop["id"], "scoring")
    ana.goto(f"{base}/w/{workshop['id']}")
    expect(ana.locator("#rate h2")).to_have_text("2. Califique cada opción")
    assert_accessible(ana, "rating in Spanish")
    shot(ana, "3-rate")
    for _ in workshop["options"]:
        key = (ana.locator("article.option-card").get_attribute("id") or "").removeprefix("option-")
        for fieldset in ana.locator("#rating-form fieldset.rating").all():
            fieldset.locator('label.choice:has(input[value="4"])').click()
        # Each choice saves as it is made; the step says so, in Spanish.
        expect(ana.locator("article.option-card .saved")).to_contain_text("4 de 4", timeout=8000)
        ana.click("#rating-form button[name=go]")
        # On to the next step (or the end), which says this one was saved.
        expect(ana).to_have_url(re.compile(f"saved={key}#rate$"))
    expect(ana.locator("#rating-done h3")).to_have_text("Ha terminado")
    shot(ana, "4-done")

    with httpx.Client(base_url=base) as client:
        pat = api.join(client, workshop["join_code"], name="Pat")
        api.give_weights(client, pat, workshop["id"], {"credibility": 1, "funding": 1})
        api.rate_everything(client, pat, workshop, api.CLEAR_ORDER)
        shown = client.patch(
            f"{api.API}/workshops/{workshop['id']}", json={"results_visible": True}, headers=auth
        )
        assert shown.status_code == 200, shown.text
    ana.reload()
    expect(ana.locator("#group-results h2")).to_have_text("Los resultados del grupo")
    expect(ana.locator("#my-weights-vs-group")).to_contain_text("%")
    assert_accessible(ana, "results in Spanish")
    shot(ana, "5-results")

    with httpx.Client(base_url=base) as client:
        decided = client.post(
            f"{api.API}/workshops/{workshop['id']}/decision",
            json={"option": "funder", "rationale": "Tiene los fondos y la confianza de todos."},
            headers=auth,
        )
        assert decided.status_code in (200, 201), decided.text
    ana.reload()
    expect(ana.locator("#decided h2")).to_have_text("El grupo tomó su decisión")
    shot(ana, "6-decided")
    with ana.expect_download() as download:
        ana.click('#my-downloads a[href$="export.pdf"]')
    pdf = tmp_path / "rationale.pdf"
    download.value.save_as(pdf)
    assert download.value.suggested_filename.endswith("-es.pdf")
    (SHOTS / "es-rationale.pdf").write_bytes(pdf.read_bytes())
    with ana.expect_download() as md:
        ana.click('#my-downloads a[href$="export.md"]')
    text = Path(md.value.path()).read_text(encoding="utf-8")
    assert "## Decisión" in text and "Tiene los fondos" in text
