"""Bytes on the wire: gzip above a size and not below, 304 on the polls when nothing changed."""

from __future__ import annotations

from app.web.compression import MINIMUM_SIZE
from tests.support.api import API, set_stage, workshop_with_clear_ranking
from tests.support.pages import joined, sign_in

GZIP = {"Accept-Encoding": "gzip"}


def test_compression_gzips_json_above_minimum_size(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    response = client.get(f"{API}/workshops/{w['id']}/results", headers={**auth, **GZIP})
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.content) > MINIMUM_SIZE  # httpx decoded it: the body was larger
    assert "accept-encoding" in response.headers["vary"].lower()


def test_compression_gzips_html_page(client):
    sign_in(client)
    response = client.get("/workshops", headers=GZIP)
    assert response.headers["content-encoding"] == "gzip"


def test_compression_leaves_small_response_alone(client):
    response = client.get("/healthz", headers=GZIP)
    assert len(response.content) < MINIMUM_SIZE
    assert "content-encoding" not in response.headers


def test_compression_absent_when_client_does_not_accept_it(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    headers = {**auth, "Accept-Encoding": "identity"}
    response = client.get(f"{API}/workshops/{w['id']}/results", headers=headers)
    assert "content-encoding" not in response.headers


def test_stage_poll_answers_304_on_matching_etag(client):
    _, w = joined(client)
    first = client.get(f"/w/{w['id']}/stage?seen=scoring")
    assert first.status_code == 200
    again = client.get(
        f"/w/{w['id']}/stage?seen=scoring", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.headers["etag"] == first.headers["etag"]


def test_stage_poll_answers_200_after_stage_change(client):
    auth, w = joined(client)
    first = client.get(f"/w/{w['id']}/stage?seen=scoring")
    set_stage(client, auth, w["id"], "results")
    changed = client.get(
        f"/w/{w['id']}/stage?seen=scoring", headers={"If-None-Match": first.headers["etag"]}
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != first.headers["etag"]


def test_live_panel_answers_304_to_etag_list(client):
    sign_in(client)
    _, w, _ = workshop_with_clear_ranking(client)
    etag = client.get(f"/workshops/{w['id']}/live").headers["etag"]
    listed = client.get(f"/workshops/{w['id']}/live", headers={"If-None-Match": f'"x", {etag}'})
    assert listed.status_code == 304


def test_results_json_answers_304_on_matching_etag(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    first = client.get(f"{API}/workshops/{w['id']}/results", headers=auth)
    again = client.get(
        f"{API}/workshops/{w['id']}/results",
        headers={**auth, "If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304


def test_results_json_gzipped_once_reads_as_plain(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    url = f"{API}/workshops/{w['id']}/results"
    zipped = client.get(url, headers={**auth, **GZIP})
    plain = client.get(url, headers={**auth, "Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.json() == plain.json()
