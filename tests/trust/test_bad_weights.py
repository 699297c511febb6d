"""One member's bad numbers never brick a workshop: huge weights are refused where they enter,
weights are normalised without overflow, and stored weights no analysis can use (from before
these bounds, or hand-made) count as none, so results, exports and pages still answer."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session

from app.domain.errors import normalized_weights
from app.domain.group import aggregate_priorities
from app.domain.record_format import fingerprint_of
from app.domain.results import normalize_points
from app.persistence import repository as repo
from tests.exports.test_records_api import decided_workshop
from tests.support.api import API, give_weights, join, open_workshop, rate_everything


def test_normalized_weights_of_huge_values_are_equal_shares():
    assert normalized_weights([1e308, 1e308, 1e308, 1e308]).tolist() == [0.25] * 4


def test_aggregate_priorities_of_huge_values_do_not_overflow():
    assert aggregate_priorities([[1e308, 1e308], [1.0, 3.0]], method="arithmetic") == pytest.approx(
        [0.375, 0.625]
    )


def test_normalize_points_of_huge_values_are_equal_shares():
    assert normalize_points({"a": 1e308, "b": 1e308}) == {"a": 0.5, "b": 0.5}


@pytest.mark.parametrize("value", [1e308, 10**400, 1_000_001])
def test_weights_above_the_bound_are_refused(client, value):
    _, workshop = open_workshop(client, "weighting")
    member = join(client, workshop["join_code"])
    response = give_weights(client, member, workshop["id"], {"credibility": value})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "weights.credibility"


def test_weights_at_the_bound_give_equal_shares(client):
    _, workshop = open_workshop(client, "weighting")
    member = join(client, workshop["join_code"])
    keys = [c["key"] for c in workshop["criteria"]]
    response = give_weights(client, member, workshop["id"], dict.fromkeys(keys, 1_000_000))
    assert response.status_code == 200
    assert set(response.json()["weights"].values()) == {1 / len(keys)}


@pytest.mark.parametrize("bad", [0.0, float("inf"), -1.0], ids=["zero", "inf", "negative"])
def test_results_show_despite_one_members_unusable_stored_weights(client, app, bad):
    auth, workshop = open_workshop(client)
    keys = [c["key"] for c in workshop["criteria"]]
    good, broken = (
        join(client, workshop["join_code"], "Good"),
        join(client, workshop["join_code"], "Bad"),
    )
    give_weights(client, good, workshop["id"], {keys[0]: 3, keys[1]: 1})
    for member in (good, broken):
        rate_everything(client, member, workshop, 4)
    with Session(app.state.engine) as session, session.begin():
        repo.replace_weights(session, broken.id, dict.fromkeys(keys, bad))
    wid = workshop["id"]
    for method in ("arithmetic", "geometric"):
        client.put(
            f"{API}/workshops/{wid}/method", json={"weight_aggregation": method}, headers=auth
        )
        results = client.get(f"{API}/workshops/{wid}/results", headers=auth)
        assert results.status_code == 200, results.text
        assert results.json()["weights"][keys[0]] == pytest.approx(0.75)
    assert client.get(f"{API}/workshops/{wid}/export.csv", headers=auth).status_code == 200
    assert (
        client.get(
            f"/workshops/{wid}", cookies={"bs_session": auth["Authorization"][7:]}
        ).status_code
        == 200
    )


def _reimport(client, auth, data: dict) -> Any:
    """Import an edited record as an unsigned one (a hand-made file, or one from before
    signing), so the import reaches the field checks: a signed record that was changed is
    refused naming `signature` first (tests/record)."""
    data.pop("signature", None)
    data["fingerprint"] = fingerprint_of(data)
    return client.post(f"{API}/workshops/import", json=data, headers=auth)


def test_imported_record_with_huge_points_is_refused_naming_the_field(client):
    auth, workshop, _ = decided_workshop(client)
    data = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    data["participants"][0]["points"] = dict.fromkeys(data["participants"][0]["points"], 1e308)
    response = _reimport(client, auth, data)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].startswith("participants.0.points.")


def test_imported_record_with_a_members_zero_points_still_shows_results(client):
    auth, workshop, _ = decided_workshop(client)
    data = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    data["participants"][0]["points"] = dict.fromkeys(data["participants"][0]["points"], 0.0)
    response = _reimport(client, auth, data)
    assert response.status_code == 201, response.text
    copy_id = response.json()["id"]
    for path in ("results", "export.md", "export.pdf"):
        assert client.get(f"{API}/workshops/{copy_id}/{path}", headers=auth).status_code == 200
