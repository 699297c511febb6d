"""Size limits hold where things enter: the API, the use cases and the record reader."""

from __future__ import annotations

from app.domain.limits import MAX_CRITERIA, MAX_OPTIONS
from app.domain.record_format import fingerprint_of
from app.services import participation
from tests.exports.test_records_api import decided_workshop
from tests.support.api import API, create_workshop, join, login, open_workshop


def test_a_workshop_holds_at_most_the_criteria_limit(client):
    auth = login(client)
    workshop = create_workshop(client, auth)
    url = f"{API}/workshops/{workshop['id']}/criteria"
    statuses = [
        client.post(
            url, json={"name": f"Extra {i}", "direction": "benefit"}, headers=auth
        ).status_code
        for i in range(MAX_CRITERIA - len(workshop["criteria"]) + 1)
    ]
    assert statuses[:-1] == [201] * (len(statuses) - 1)
    assert statuses[-1] == 409


def test_a_workshop_holds_at_most_the_options_limit(client):
    auth = login(client)
    workshop = create_workshop(client, auth)
    url = f"{API}/workshops/{workshop['id']}/options"
    statuses = [
        client.post(url, json={"name": f"Host {i}"}, headers=auth).status_code
        for i in range(MAX_OPTIONS - len(workshop["options"]) + 1)
    ]
    assert statuses[-1] == 409 and set(statuses[:-1]) == {201}


def test_import_of_a_record_over_the_criteria_limit_is_refused(client):
    auth, workshop, _ = decided_workshop(client)
    data = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    first = data["criteria"][0]
    data["criteria"] += [{**first, "key": f"extra-{i}"} for i in range(MAX_CRITERIA)]
    # Unsigned, as a hand-made file would be: a changed signed record is refused at its
    # signature before its fields are read.
    data.pop("signature", None)
    data["fingerprint"] = fingerprint_of(data)
    response = client.post(f"{API}/workshops/import", json=data, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "criteria"


def test_a_text_over_its_limit_is_refused_naming_the_field(client):
    auth = login(client)
    body = {"title": "x" * 201, "template": "quick"}
    response = client.post(f"{API}/workshops", json=body, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


def test_a_workshop_takes_no_one_past_its_participant_limit(client, monkeypatch):
    monkeypatch.setattr(participation, "MAX_PARTICIPANTS", 3)  # 200 in the product
    _, workshop = open_workshop(client)
    for n in range(3):
        join(client, workshop["join_code"], name=f"Person {n}")
    refused = client.post(
        f"{API}/join", json={"join_code": workshop["join_code"], "name": "One too many"}
    )
    assert refused.status_code == 409
    assert "full" in refused.json()["error"]
    _, another = open_workshop(client)  # the limit is per workshop
    join(client, another["join_code"], name="Elsewhere")
