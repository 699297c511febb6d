"""What a participant's phone downloads: in every stage of the collective-impact workshop (13
criteria, 7 options) the page with its stylesheet and scripts stays under 60 KB compressed,
and the page's own HTML under 40 KB before compression."""

from __future__ import annotations

import gzip

import pytest
from bs4 import BeautifulSoup

from tests.support.api import API, create_workshop, login, set_stage
from tests.support.pages import join_in_page

BUDGET = 60 * 1024  # bytes transferred (gzip), page and what it loads
RAW_HTML = 40 * 1024  # bytes of the page's HTML, uncompressed
STAGES = ("setup", "weighting", "scoring", "results")


def gz(body: bytes) -> int:
    return len(gzip.compress(body, 6))


@pytest.fixture
def seven_options(client):
    auth = login(client)
    w = create_workshop(client, auth, template="collective-impact", goal="Halve infant deaths")
    response = client.post(
        f"{API}/workshops/{w['id']}/options", json={"name": "Community foundation"}, headers=auth
    )
    assert response.status_code == 201, response.text
    join_in_page(client, w["join_code"], name="Ana")
    return auth, w


def loaded_with(client, html: bytes) -> int:
    """The compressed bytes of the page and of every script and stylesheet it names."""
    doc = BeautifulSoup(html, "html.parser")
    assets = [s["src"] for s in doc.select("script[src]")]
    assets += [link["href"] for link in doc.select('link[rel="stylesheet"]')]
    return gz(html) + sum(gz(client.get(a).content) for a in assets)


@pytest.mark.parametrize("stage", STAGES)
def test_participant_page_weight_stays_light_in_every_stage(client, seven_options, stage):
    auth, w = seven_options
    set_stage(client, auth, w["id"], stage)
    html = client.get(f"/w/{w['id']}").content
    assert len(html) <= RAW_HTML, f"{stage}: {len(html)} bytes of HTML"
    assert loaded_with(client, html) <= BUDGET


def test_brief_stays_light(client, seven_options):
    _, w = seven_options
    html = client.get(f"/w/{w['id']}/brief").content
    assert len(html) <= RAW_HTML
    assert loaded_with(client, html) <= BUDGET
