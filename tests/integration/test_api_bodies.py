"""Typed request bodies: what the API accepts and how it names a field it refuses."""

from __future__ import annotations

import pytest

from tests.support.api import API, give_scores, join, open_workshop


def test_scores_accept_a_whole_number_written_as_a_float(client):
    _, w = open_workshop(client)
    member = join(client, w["join_code"])
    response = give_scores(client, member, w["id"], {"funder": {"credibility": 4.0}})
    assert response.status_code == 200, response.text
    assert response.json()["scores"] == {"funder": {"credibility": 4}}


@pytest.mark.parametrize("value", ["3", True, None])
def test_pairwise_judgment_that_is_not_a_number_is_422_naming_it(client, value):
    auth, w = open_workshop(client, stage="weighting")
    client.put(f"{API}/workshops/{w['id']}/method", json={"elicitation": "ahp"}, headers=auth)
    member = join(client, w["join_code"])
    body = {"judgments": [{"first": "credibility", "second": "funding", "value": value}]}
    response = client.put(f"{API}/workshops/{w['id']}/my/pairwise", json=body, headers=member.auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "judgments.0.value"


def test_ranks_must_be_whole_numbers(client):
    auth, w = open_workshop(client, stage="weighting")
    client.put(f"{API}/workshops/{w['id']}/method", json={"elicitation": "rank"}, headers=auth)
    member = join(client, w["join_code"])
    ranks = {"credibility": 1.5, "neutrality": 2, "funding": 3, "bureaucracy": 4}
    response = client.put(
        f"{API}/workshops/{w['id']}/my/ranks", json={"ranks": ranks}, headers=member.auth
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "ranks.credibility"
