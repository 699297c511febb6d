"""API: method choices, other ways of giving weights, and the new results sections."""

from __future__ import annotations

import pytest

from app.domain import ahp, group
from tests.support.api import API, give_weights, join, open_workshop, rate_everything

CRITERIA = ["credibility", "neutrality", "funding", "bureaucracy"]
# Consistent: credibility 2x neutrality 2x funding 2x bureaucracy.
CONSISTENT = [
    ("credibility", "neutrality", 2),
    ("credibility", "funding", 4),
    ("credibility", "bureaucracy", 8),
    ("neutrality", "funding", 2),
    ("neutrality", "bureaucracy", 4),
    ("funding", "bureaucracy", 2),
]
# Circular: credibility > neutrality > funding > credibility, strongly.
CIRCULAR = [
    ("credibility", "neutrality", 7),
    ("credibility", "funding", 1 / 7),
    ("credibility", "bureaucracy", 3),
    ("neutrality", "funding", 7),
    ("neutrality", "bureaucracy", 1 / 5),
    ("funding", "bureaucracy", 5),
]
RATINGS = {"funder": 2, "nonprofit": 5, "government": 3, "multi-org": 4, "steering-committee": 1}


def judgments(rows):
    return [{"first": a, "second": b, "value": v} for a, b, v in rows]


def set_method(client, auth, workshop_id, **body):
    return client.put(f"{API}/workshops/{workshop_id}/method", json=body, headers=auth)


def results(client, auth, workshop_id):
    response = client.get(f"{API}/workshops/{workshop_id}/results", headers=auth)
    assert response.status_code == 200, response.text
    return response.json()


def test_results_default_method_keeps_its_label_and_numbers(client):
    auth, w = open_workshop(client)
    member = join(client, w["join_code"])
    give_weights(client, member, w["id"], {"credibility": 60, "funding": 40})
    rate_everything(client, member, w, RATINGS)
    body = results(client, auth, w["id"])
    assert body["method"] == "points-mean-weighted-sum"
    assert body["weights"]["credibility"] == pytest.approx(0.6)
    assert body["ranking"][0]["option"] == "nonprofit"
    assert body["ranking"][0]["score"] == pytest.approx(100.0)
    assert body["method_settings"]["elicitation"] == "points"


def test_results_carry_agreement_sensitivity_and_sectors(client):
    auth, w = open_workshop(client)
    for name, sector, weights in (
        ("Ana", "community", {"credibility": 70, "funding": 30}),
        ("Bo", "government", {"neutrality": 50, "funding": 50}),
    ):
        m = join(client, w["join_code"], name=name, sector=sector)
        give_weights(client, m, w["id"], weights)
        rate_everything(client, m, w, RATINGS)
    body = results(client, auth, w["id"])
    assert 0 <= body["agreement"]["consensus"] <= 1
    assert body["agreement"]["kendall_participants"] == 2
    assert body["sensitivity"]["available"] is True
    assert [i["criterion"] for i in body["sensitivity"]["stability"]] == CRITERIA
    sims = body["sensitivity"]["rank_acceptability"]
    assert [s["source"] for s in sims] == ["participants", "ordinal"]
    assert all(s["samples"] == 10000 and s["seed"] == 0 for s in sims)
    assert sorted(x["sector"] for x in body["by_sector"]) == ["community", "government"]
    assert all(x["explanation"] for x in body["by_sector"])


def test_results_rank_acceptability_repeats_with_the_same_seed(client):
    auth, w = open_workshop(client)
    m = join(client, w["join_code"])
    give_weights(client, m, w["id"], {"credibility": 50, "neutrality": 50})
    rate_everything(client, m, w, RATINGS)
    first = results(client, auth, w["id"])["sensitivity"]
    second = results(client, auth, w["id"])["sensitivity"]
    assert first == second


def test_method_change_of_elicitation_is_409_once_weights_exist(client):
    auth, w = open_workshop(client, stage="weighting")
    m = join(client, w["join_code"])
    give_weights(client, m, w["id"], {"credibility": 1})
    response = set_method(client, auth, w["id"], elicitation="ahp")
    assert response.status_code == 409
    # Aggregation choices may still change: they only re-read the same answers.
    assert set_method(client, auth, w["id"], rating_aggregation="median").status_code == 200


def test_method_unknown_choice_is_422_naming_field(client):
    auth, w = open_workshop(client, stage="weighting")
    response = set_method(client, auth, w["id"], weight_aggregation="harmonic")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "weight_aggregation"


def test_pairwise_inconsistent_answers_name_three_judgments_to_revisit(client):
    auth, w = open_workshop(client, stage="weighting")
    assert set_method(client, auth, w["id"], elicitation="ahp").status_code == 200
    m = join(client, w["join_code"])
    response = client.put(
        f"{API}/workshops/{w['id']}/my/pairwise",
        json={"judgments": judgments(CIRCULAR)},
        headers=m.auth,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["consistent"] is False
    assert body["consistency_ratio"] > 0.10
    assert len(body["revisit"]) == 3
    assert all(r["explanation"].startswith("You said") for r in body["revisit"])
    again = client.get(f"{API}/workshops/{w['id']}/my/pairwise", headers=m.auth)
    assert again.json()["revisit"] == body["revisit"]


def test_pairwise_read_before_answering_is_404(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="ahp")
    m = join(client, w["join_code"])
    assert client.get(f"{API}/workshops/{w['id']}/my/pairwise", headers=m.auth).status_code == 404


def test_pairwise_revised_answers_give_eigenvector_weights(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="ahp")
    m = join(client, w["join_code"])
    url = f"{API}/workshops/{w['id']}/my/pairwise"
    client.put(url, json={"judgments": judgments(CIRCULAR)}, headers=m.auth)
    body = client.put(url, json={"judgments": judgments(CONSISTENT)}, headers=m.auth).json()
    assert body["consistent"] is True
    assert body["consistency_ratio"] == pytest.approx(0.0, abs=1e-9)
    assert [body["weights"][k] for k in CRITERIA] == pytest.approx([8 / 15, 4 / 15, 2 / 15, 1 / 15])
    assert results(client, auth, w["id"])["weights"]["credibility"] == pytest.approx(8 / 15)


def test_pairwise_missing_pair_is_422(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="ahp")
    m = join(client, w["join_code"])
    response = client.put(
        f"{API}/workshops/{w['id']}/my/pairwise",
        json={"judgments": judgments(CONSISTENT[:-1])},
        headers=m.auth,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "judgments"


def test_aij_combines_judgments_by_geometric_mean(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="ahp", weight_aggregation="aij")
    url = f"{API}/workshops/{w['id']}/my/pairwise"
    for name, rows in (("Ana", CONSISTENT), ("Bo", CIRCULAR)):
        m = join(client, w["join_code"], name=name)
        assert client.put(url, json={"judgments": judgments(rows)}, headers=m.auth).is_success
    matrices = []
    for rows in (CONSISTENT, CIRCULAR):
        index = {k: i for i, k in enumerate(CRITERIA)}
        matrices.append(ahp.reciprocal_matrix(4, {(index[a], index[b]): v for a, b, v in rows}))
    expected = ahp.priorities(group.aggregate_judgments(matrices))
    body = results(client, auth, w["id"])
    assert [body["weights"][k] for k in CRITERIA] == pytest.approx(expected)
    assert body["method"].startswith("ahp-aij")
    assert body["method_settings"]["inconsistent_participants"] == 1


def test_ranks_give_rank_order_centroid_weights(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="rank")
    m = join(client, w["join_code"])
    ranks = {"credibility": 1, "neutrality": 2, "funding": 3, "bureaucracy": 4}
    response = client.put(
        f"{API}/workshops/{w['id']}/my/ranks", json={"ranks": ranks}, headers=m.auth
    )
    assert response.status_code == 200, response.text
    # Barron and Barrett's ROC weights for n = 4.
    assert [response.json()["weights"][k] for k in CRITERIA] == pytest.approx(
        [0.5208, 0.2708, 0.1458, 0.0625], abs=1e-4
    )


def test_swing_points_become_weights(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="swing")
    m = join(client, w["join_code"])
    points = {"credibility": 100, "neutrality": 50, "funding": 50, "bureaucracy": 0}
    response = client.put(
        f"{API}/workshops/{w['id']}/my/swing", json={"points": points}, headers=m.auth
    )
    assert response.json()["weights"] == {
        "credibility": 0.5,
        "neutrality": 0.25,
        "funding": 0.25,
        "bureaucracy": 0.0,
    }


def test_points_are_409_when_the_workshop_asks_for_ranks(client):
    auth, w = open_workshop(client, stage="weighting")
    set_method(client, auth, w["id"], elicitation="rank")
    m = join(client, w["join_code"])
    assert give_weights(client, m, w["id"], {"credibility": 1}).status_code == 409


def test_participant_weights_pull_the_group_weights(client):
    auth, w = open_workshop(client)
    a = join(client, w["join_code"], name="Ana")
    b = join(client, w["join_code"], name="Bo")
    give_weights(client, a, w["id"], {"credibility": 1})
    give_weights(client, b, w["id"], {"funding": 1})
    response = client.put(
        f"{API}/workshops/{w['id']}/participants/{a.id}/weight", json={"weight": 3}, headers=auth
    )
    assert response.status_code == 200
    assert results(client, auth, w["id"])["weights"]["credibility"] == pytest.approx(0.5)
    set_method(client, auth, w["id"], participant_weights=True)
    body = results(client, auth, w["id"])
    assert body["weights"]["credibility"] == pytest.approx(0.75)
    assert body["method"].endswith("weighted-participants")


def test_what_if_ranks_options_under_given_weights(client):
    auth, w = open_workshop(client)
    m = join(client, w["join_code"])
    give_weights(client, m, w["id"], {"credibility": 1})
    scores = {
        o: {"credibility": 5 if o == "funder" else 1, "neutrality": 5 if o == "nonprofit" else 1}
        for o in RATINGS
    }
    client.put(f"{API}/workshops/{w['id']}/my/scores", json={"scores": scores}, headers=m.auth)
    assert results(client, auth, w["id"])["ranking"][0]["option"] == "funder"
    response = client.post(
        f"{API}/workshops/{w['id']}/what-if", json={"weights": {"neutrality": 3}}, headers=auth
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ranking"][0]["option"] == "nonprofit"
    assert "instead of" in body["explanation"]


def test_what_if_unknown_criterion_is_422(client):
    auth, w = open_workshop(client)
    response = client.post(
        f"{API}/workshops/{w['id']}/what-if", json={"weights": {"magic": 1}}, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "weights.magic"
