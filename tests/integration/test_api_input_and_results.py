"""API: participants' weights and ratings, the results, the decision and the Markdown export."""

from __future__ import annotations

import pytest

from tests.support.api import (
    API,
    give_scores,
    give_weights,
    join,
    open_workshop,
    rate_everything,
    workshop_with_clear_ranking,
)


def test_weights_are_normalized(client):
    _, w = open_workshop(client, stage="weighting")
    member = join(client, w["join_code"])
    response = give_weights(client, member, w["id"], {"credibility": 30, "neutrality": 10})
    assert response.status_code == 200
    assert response.json()["weights"] == {
        "credibility": 0.75,
        "neutrality": 0.25,
        "funding": 0.0,
        "bureaucracy": 0.0,
    }


@pytest.mark.parametrize(
    ("weights", "field"),
    [
        ({"magic": 1}, "weights.magic"),
        ({"credibility": -1}, "weights.credibility"),
        ({"credibility": 0, "funding": 0}, "weights"),
        ({"credibility": "lots"}, "weights.credibility"),
    ],
)
def test_bad_weights_are_422_naming_field(client, weights, field):
    _, w = open_workshop(client, stage="weighting")
    member = join(client, w["join_code"])
    response = give_weights(client, member, w["id"], weights)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_non_finite_weight_is_422(client):
    _, w = open_workshop(client, stage="weighting")
    member = join(client, w["join_code"])
    response = client.put(
        f"{API}/workshops/{w['id']}/my/weights",
        content='{"weights": {"credibility": Infinity}}',
        headers={**member.auth, "Content-Type": "application/json"},
    )
    assert response.status_code == 422


@pytest.mark.parametrize("rating", [0, 6, 2.5, "4", True])
def test_bad_rating_is_422_naming_cell(client, rating):
    _, w = open_workshop(client)
    member = join(client, w["join_code"])
    response = give_scores(client, member, w["id"], {"funder": {"credibility": rating}})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "scores.funder.credibility"


def test_unknown_option_in_scores_is_422(client):
    _, w = open_workshop(client)
    member = join(client, w["join_code"])
    response = give_scores(client, member, w["id"], {"wizard": {"credibility": 3}})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "scores.wizard"


def test_rejected_scores_write_nothing(client):
    _, w = open_workshop(client)
    member = join(client, w["join_code"])
    body = {"funder": {"credibility": 4, "neutrality": 9}}
    assert give_scores(client, member, w["id"], body).status_code == 422
    mine = client.get(f"{API}/workshops/{w['id']}/my", headers=member.auth).json()
    assert mine["scores"] == {}


def test_partial_scores_update_only_named_cells(client):
    _, w = open_workshop(client)
    member = join(client, w["join_code"])
    give_scores(client, member, w["id"], {"funder": {"credibility": 4, "neutrality": 2}})
    give_scores(client, member, w["id"], {"funder": {"neutrality": 5}})
    mine = client.get(f"{API}/workshops/{w['id']}/my", headers=member.auth).json()
    assert mine["scores"] == {"funder": {"credibility": 4, "neutrality": 5}}


def test_input_in_setup_is_409(client):
    _, w = open_workshop(client, stage="setup")
    member = join(client, w["join_code"])
    assert give_weights(client, member, w["id"], {"credibility": 1}).status_code == 409


def test_late_arrival_can_weigh_while_others_score(client):
    _, w = open_workshop(client, stage="scoring")
    member = join(client, w["join_code"])
    assert give_weights(client, member, w["id"], {"credibility": 1}).status_code == 200


def test_results_follow_the_default_method(client):
    """Two participants, hand-computed: see the comments for the arithmetic."""
    auth, w = open_workshop(client)
    a, b = join(client, w["join_code"], "A"), join(client, w["join_code"], "B")
    # A: all weight on credibility. B: half credibility, half bureaucracy (a cost).
    give_weights(client, a, w["id"], {"credibility": 100})
    give_weights(client, b, w["id"], {"credibility": 50, "bureaucracy": 50})
    # Group weights: credibility (1 + .5)/2 = .75, bureaucracy .25, others 0.
    rate_everything(client, a, w, 3)
    rate_everything(client, b, w, 3)
    give_scores(client, a, w["id"], {"funder": {"credibility": 5, "bureaucracy": 1}})
    give_scores(client, b, w["id"], {"funder": {"credibility": 4, "bureaucracy": 2}})
    body = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()
    assert body["weights"] == {
        "credibility": 0.75,
        "neutrality": 0.0,
        "funding": 0.0,
        "bureaucracy": 0.25,
    }
    assert body["scores"]["funder"]["credibility"] == 4.5
    # funder: credibility (4.5-1)/4 = .875; bureaucracy mean 1.5 is a cost: (5-1.5)/4 = .875
    # score = 100 * (.75 * .875 + .25 * .875) = 87.5; every other option rates 3 -> 50.
    top = body["ranking"][0]
    assert (top["option"], top["score"], top["rank"]) == ("funder", 87.5, 1)
    assert [r["rank"] for r in body["ranking"]] == [1, 2, 2, 2, 2]
    assert all(r["score"] == 50.0 for r in body["ranking"][1:])
    assert body["participants"] == {"joined": 2, "submitted": 2}


def test_submitted_needs_weights_and_every_cell(client):
    auth, w = open_workshop(client)
    member = join(client, w["join_code"])
    rate_everything(client, member, w, 3)
    counts = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()["participants"]
    assert counts == {"joined": 1, "submitted": 0}
    give_weights(client, member, w["id"], {"funding": 1})
    counts = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()["participants"]
    assert counts == {"joined": 1, "submitted": 1}


def _decided(client):
    auth, w, member = workshop_with_clear_ranking(client)
    response = client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={
            "option": "funder",
            "rationale": "Highest credibility",
            "agreement": "consensus",
            "dissent": "One member preferred a nonprofit",
        },
        headers=auth,
    )
    return auth, w, member, response


def test_decision_is_recorded_and_closes_the_workshop(client):
    auth, w, _, response = _decided(client)
    assert response.status_code == 201
    body = response.json()
    assert body["option"] == "funder" and body["rationale"] == "Highest credibility"
    assert body["decided_at"]
    assert client.get(f"{API}/workshops/{w['id']}", headers=auth).json()["stage"] == "decided"
    assert (
        client.get(f"{API}/workshops/{w['id']}/decision", headers=auth).json()["option"] == "funder"
    )


def test_second_decision_is_409(client):
    auth, w, _, _ = _decided(client)
    response = client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={"option": "funder", "rationale": "x"},
        headers=auth,
    )
    assert response.status_code == 409


def test_input_after_decision_is_409(client):
    _, w, member, _ = _decided(client)
    assert give_weights(client, member, w["id"], {"funding": 1}).status_code == 409
    assert give_scores(client, member, w["id"], {"funder": {"funding": 2}}).status_code == 409


def test_decision_before_one_exists_is_404(client):
    auth, w = open_workshop(client)
    assert client.get(f"{API}/workshops/{w['id']}/decision", headers=auth).status_code == 404


def test_decision_for_unknown_option_is_422(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    response = client.post(
        f"{API}/workshops/{w['id']}/decision", json={"option": "x", "rationale": "y"}, headers=auth
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "option"


def test_decision_against_the_ranking_needs_a_reason_when_asked(client):
    auth, w, member = workshop_with_clear_ranking(client)
    response = client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={"option": "nonprofit", "rationale": "Trusted", "departure_reason": "  "},
        headers=auth,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "departure_reason"


def test_markdown_export_carries_the_rationale(client):
    auth, w, _, _ = _decided(client)
    response = client.get(f"{API}/workshops/{w['id']}/export.md", headers=auth)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    text = response.text
    for expected in [
        "## Context and goal",
        "## Who took part",
        "## Method",
        "## Ranking",
        "Highest credibility",
        "One member preferred a nonprofit",
        "## Decision",
    ]:
        assert expected in text


def test_unknown_export_format_is_404(client):
    auth, w = open_workshop(client)
    assert client.get(f"{API}/workshops/{w['id']}/export.xyz", headers=auth).status_code == 404


def test_catalogue_quick_template_is_fixed(client):
    templates = {t["key"]: t for t in client.get(f"{API}/catalog/templates").json()}
    assert templates["quick"]["criteria"] == ["credibility", "neutrality", "funding", "bureaucracy"]
    assert templates["quick"]["models"] == [
        "funder",
        "nonprofit",
        "government",
        "multi-org",
        "steering-committee",
    ]


def test_catalogue_criteria_have_the_public_fields(client):
    criteria = client.get(f"{API}/catalog/criteria").json()
    assert {
        "key",
        "name",
        "description",
        "direction",
        "guiding_questions",
        "scale",
        "sources",
    } <= set(criteria[0])
    assert {c["key"]: c["direction"] for c in criteria}["bureaucracy"] == "cost"


def test_catalogue_models_have_the_public_fields(client):
    models = client.get(f"{API}/catalog/models").json()
    assert {"key", "name", "summary", "pros", "cons", "examples", "sources"} <= set(models[0])


def test_healthz(client):
    assert client.get("/healthz").json() == {"ok": True}


def test_a_rating_saved_without_a_comment_keeps_the_cells_comment_and_an_empty_one_clears_it(
    client,
):
    _, workshop = open_workshop(client)
    member = join(client, workshop["join_code"])
    option, criterion = workshop["options"][0]["key"], workshop["criteria"][0]["key"]
    url = f"{API}/workshops/{workshop['id']}/my/scores"

    def save(body):
        response = client.put(url, json=body, headers=member.auth)
        assert response.status_code == 200, response.text
        return response.json()

    save({"scores": {option: {criterion: 2}}, "comments": {option: {criterion: "Slow to hire"}}})
    kept = save({"scores": {option: {criterion: 3}}})
    cleared = save({"scores": {option: {criterion: 4}}, "comments": {option: {criterion: ""}}})

    assert kept["scores"][option][criterion] == 3
    assert kept["comments"] == {option: {criterion: "Slow to hire"}}
    assert cleared["scores"][option][criterion] == 4
    assert cleared["comments"] == {}
