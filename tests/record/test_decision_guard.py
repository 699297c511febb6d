"""The decision's guard, one rule for the API and the form: the workshop's own method decides
what 'ranked first' means; setup or no input is 409; departing needs a reason (422)."""

from __future__ import annotations

from tests.support.api import API, give_scores, give_weights, join, open_workshop
from tests.support.pages import page, sign_in

OTHERS = ["government", "multi-org", "steering-committee"]
CRITERIA = ["credibility", "neutrality", "funding", "bureaucracy"]
CONSISTENT = [
    ("credibility", "neutrality", 2),
    ("credibility", "funding", 4),
    ("credibility", "bureaucracy", 8),
    ("neutrality", "funding", 2),
    ("neutrality", "bureaucracy", 4),
    ("funding", "bureaucracy", 2),
]


def _rate(client, member, w, funder: int, nonprofit: int) -> None:
    scores = {o: {c: 1 for c in CRITERIA} for o in OTHERS}
    scores["funder"] = {c: (funder if c == "credibility" else 1) for c in CRITERIA}
    scores["nonprofit"] = {c: (nonprofit if c == "credibility" else 1) for c in CRITERIA}
    assert give_scores(client, member, w["id"], scores).status_code == 200


def _median_workshop(client):
    """Three people care only about credibility and rate the funder 4/4/1, the nonprofit 3/3/5:
    the median puts the funder first (4 against 3), the mean the nonprofit (3.67 against 3)."""
    auth, w = open_workshop(client)
    response = client.put(
        f"{API}/workshops/{w['id']}/method", json={"rating_aggregation": "median"}, headers=auth
    )
    assert response.status_code == 200
    for name, funder, nonprofit in (("Ana", 4, 3), ("Bo", 4, 3), ("Cy", 1, 5)):
        member = join(client, w["join_code"], name=name)
        give_weights(client, member, w["id"], {"credibility": 1})
        _rate(client, member, w, funder, nonprofit)
    return auth, w


def _decide(client, auth, w, option: str, **more):
    body = {"option": option, "rationale": "The group's reasons", **more}
    return client.post(f"{API}/workshops/{w['id']}/decision", json=body, headers=auth)


def test_decision_under_median_takes_the_median_top_without_a_reason(client):
    auth, w = _median_workshop(client)
    ranking = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()["ranking"]
    assert ranking[0]["option"] == "funder"
    response = _decide(client, auth, w, "funder")
    assert response.status_code == 201, response.text
    assert response.json()["departs_from_ranking"] is False


def test_decision_under_median_for_the_mean_top_needs_a_reason(client):
    auth, w = _median_workshop(client)
    response = _decide(client, auth, w, "nonprofit")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "departure_reason"


def test_decision_under_ahp_follows_the_pairwise_ranking(client):
    auth, w = open_workshop(client, stage="weighting")
    client.put(
        f"{API}/workshops/{w['id']}/method",
        json={"elicitation": "ahp", "weight_aggregation": "aij"},
        headers=auth,
    )
    member = join(client, w["join_code"])
    pairs = [{"first": a, "second": b, "value": v} for a, b, v in CONSISTENT]
    url = f"{API}/workshops/{w['id']}/my/pairwise"
    assert client.put(url, json={"judgments": pairs}, headers=member.auth).is_success
    _rate(client, member, w, 5, 2)
    ranking = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()["ranking"]
    assert ranking[0]["option"] == "funder"
    assert _decide(client, auth, w, "nonprofit").status_code == 422
    response = _decide(client, auth, w, "funder")
    assert response.status_code == 201, response.text
    assert client.get(f"{API}/workshops/{w['id']}", headers=auth).json()["stage"] == "decided"


def test_decision_in_setup_is_409(client):
    auth, w = open_workshop(client, stage="setup")
    assert _decide(client, auth, w, "funder").status_code == 409


def test_decision_before_any_input_is_409(client):
    auth, w = open_workshop(client)
    join(client, w["join_code"])
    response = _decide(client, auth, w, "funder")
    assert response.status_code == 409
    assert response.json()["ok"] is False


def test_decision_form_without_departure_reason_is_422_naming_it(client):
    _, w = _median_workshop(client)
    sign_in(client)
    response = client.post(
        f"/workshops/{w['id']}/decision",
        data={
            "option": "nonprofit",
            "rationale": "Trusted",
            "agreement": "consensus",
            "confirm": "yes",
        },
    )
    assert response.status_code == 422
    doc = page(response)
    field = doc.select_one('#decision-form textarea[name="departure_reason"]')
    assert field.find_parent(class_="has-error") is not None


def test_decision_form_for_the_method_top_is_recorded(client):
    _, w = _median_workshop(client)
    sign_in(client)
    response = client.post(
        f"/workshops/{w['id']}/decision",
        data={
            "option": "funder",
            "rationale": "Most credible",
            "agreement": "consensus",
            "confirm": "yes",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
