"""The export and import endpoints end to end: every format, the JSON round trip, tampering,
who may download what, and anonymous workshops."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from app.domain.record_format import fingerprint_of
from app.persistence.tables import RatingRow, WorkshopRow
from tests.exports import readers
from tests.support.api import (
    API,
    give_weights,
    join,
    login,
    open_workshop,
    rate_everything,
)

FORMATS = {
    "md": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "csv": "text/csv",
}


def decided_workshop(client, anonymous=False, names=("Rosa Quint", "Omar Vale")):
    auth, w = open_workshop(client, anonymous=anonymous, convener="Tri-County Coalition")
    members = []
    for i, name in enumerate(names):
        m = join(client, w["join_code"], name=name, sector=["government", "nonprofit"][i % 2])
        give_weights(client, m, w["id"], {"credibility": 2 + i, "funding": 1, "bureaucracy": 1})
        rate_everything(
            client,
            m,
            w,
            {
                "funder": 5,
                "nonprofit": 4,
                "government": 3,
                "multi-org": 2 + i,
                "steering-committee": 1,
            },
        )
        members.append(m)
    client.put(
        f"{API}/workshops/{w['id']}/my/scores",
        json={
            "scores": {"funder": {"credibility": 4}},
            "comments": {"funder": {"credibility": "Strong local ties"}},
        },
        headers=members[0].auth,
    )
    response = client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={
            "option": "funder",
            "rationale": "Secure money for three years",
            "agreement": "majority",
            "dissent": "Two members wanted a nonprofit",
            "conditions": "Annual review",
        },
        headers=auth,
    )
    assert response.status_code == 201, response.text
    return auth, w, members


def export(client, auth, workshop_id, ext):
    response = client.get(f"{API}/workshops/{workshop_id}/export.{ext}", headers=auth)
    assert response.status_code == 200, response.text
    return response


def workshops_count(session) -> int:
    with session.begin():
        return session.exec(select(func.count()).select_from(WorkshopRow)).one()


@pytest.mark.parametrize("ext", list(FORMATS))
def test_export_serves_every_format_as_a_download(client, ext):
    auth, w, _ = decided_workshop(client)
    response = export(client, auth, w["id"], ext)
    assert response.headers["content-type"].startswith(FORMATS[ext])
    assert response.headers["content-disposition"].endswith(f'.{ext}"')
    assert len(response.content) > 500


def test_json_round_trip_gives_the_same_record_but_for_ids(client):
    auth, w, _ = decided_workshop(client)
    original = export(client, auth, w["id"], "json")
    imported = client.post(
        f"{API}/workshops/import",
        content=original.content,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert imported.status_code == 201, imported.text
    copy_id = imported.json()["id"]
    assert copy_id != w["id"] and imported.json()["stage"] == "decided"
    first, again = original.json(), export(client, auth, copy_id, "json").json()
    for data in (first, again):
        data["workshop"].pop("id")
        data.pop("fingerprint")
    assert again == first
    # The documents agree too: same ranking and decision text in the PDF of the copy.
    text = readers.pdf_text(export(client, auth, copy_id, "pdf").content)
    assert "Secure money for three years" in text


def test_import_of_a_tampered_record_names_the_fingerprint_and_writes_nothing(client, session):
    auth, w, _ = decided_workshop(client)
    data = export(client, auth, w["id"], "json").json()
    data["participants"][1]["ratings"]["nonprofit"]["credibility"] = 5
    before = workshops_count(session)
    response = client.post(f"{API}/workshops/import", json=data, headers=auth)
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "fingerprint" and "changed" in body["error"]
    assert workshops_count(session) == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(schema_version=99), "schema_version"),
        (lambda d: d.pop("fingerprint"), "fingerprint"),
        (
            lambda d: d["participants"][0]["ratings"]["funder"].update(credibility=7),
            "participants.0.ratings.funder.credibility",
        ),
        (
            lambda d: d["participants"][0]["ratings"].update(ghost={"credibility": 3}),
            "participants.0.ratings.ghost",
        ),
        (lambda d: d["decision"].update(option="ghost"), "decision.option"),
        (lambda d: d.pop("criteria"), "criteria"),
        (lambda d: d["workshop"].update(stage="nowhere"), "workshop.stage"),
        (lambda d: d["participants"][0].update(sector="pirates"), "participants.0.sector"),
    ],
)
def test_import_rejects_a_malformed_record_naming_the_field(client, session, change, field):
    """Re-fingerprinted after the change, so the structure checks themselves are exercised."""
    auth, w, _ = decided_workshop(client)
    data = export(client, auth, w["id"], "json").json()
    change(data)
    data.pop("signature")  # unsigned, so the checks after the signature's are reached
    if "fingerprint" in data and field != "schema_version":
        data["fingerprint"] = fingerprint_of(data)
    before = workshops_count(session)
    response = client.post(f"{API}/workshops/import", json=data, headers=auth)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == field
    assert workshops_count(session) == before


def test_import_rejects_text_that_is_not_json(client):
    auth = login(client)
    response = client.post(
        f"{API}/workshops/import",
        content=b"{not json",
        headers={**auth, "Content-Type": "application/json"},
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "file"


def test_import_needs_a_facilitator(client):
    response = client.post(f"{API}/workshops/import", json={"schema_version": 1})
    assert response.status_code == 401


def test_import_is_not_shadowed_by_workshop_routes(client):
    auth = login(client)
    assert client.get(f"{API}/workshops/import", headers=auth).status_code in (404, 405, 422)


def test_participant_export_waits_for_the_decision(client):
    auth, w = open_workshop(client)
    member = join(client, w["join_code"])
    response = client.get(f"{API}/workshops/{w['id']}/my/export.pdf", headers=member.auth)
    assert response.status_code == 409 and response.json()["ok"] is False


def test_participant_export_after_the_decision(client):
    auth, w, members = decided_workshop(client)
    response = client.get(f"{API}/workshops/{w['id']}/my/export.docx", headers=members[0].auth)
    assert response.status_code == 200
    assert "Secure money for three years" in readers.word_text(response.content)


def test_participant_cannot_export_another_workshop(client):
    _, first, members = decided_workshop(client)
    _, other, _ = decided_workshop(client, names=("Lee",))
    response = client.get(f"{API}/workshops/{other['id']}/my/export.md", headers=members[0].auth)
    assert response.status_code == 404


def test_anonymous_workshop_names_nobody_in_any_format_or_metadata(client):
    names = ("Rosa Quint", "Omar Vale")
    auth, w, _ = decided_workshop(client, anonymous=True, names=names)
    for ext in FORMATS:
        content = export(client, auth, w["id"], ext).content
        text = readers.visible_text(ext, content)
        if ext == "pdf":
            assert readers.pdf_info(content)["Author"] == "Tri-County Coalition"
        for name in names:
            for part in name.split():
                assert part not in text, (ext, part)


def test_comment_reaches_every_document(client):
    auth, w, _ = decided_workshop(client)
    assert "Strong local ties" in readers.pdf_text(export(client, auth, w["id"], "pdf").content)
    rows = readers.csv_rows(export(client, auth, w["id"], "csv").content)
    assert [r["comment"] for r in rows if r["comment"]] == ["Strong local ties"]


def test_import_keeps_ratings_exactly(client, session):
    auth, w, _ = decided_workshop(client)
    data = export(client, auth, w["id"], "json").content
    copy = client.post(
        f"{API}/workshops/import",
        content=data,
        headers={**auth, "Content-Type": "application/json"},
    ).json()
    with session.begin():
        count = session.exec(select(func.count()).select_from(RatingRow)).one()
    assert count == 2 * 2 * 4 * 5
    assert copy["join_code"] != w["join_code"]


def test_round_trip_keeps_pairwise_judgments_and_the_method(client):
    auth, w = open_workshop(client, stage="weighting")
    method = {"elicitation": "ahp", "weight_aggregation": "aij"}
    assert client.put(f"{API}/workshops/{w['id']}/method", json=method, headers=auth).is_success
    rows = [
        ("credibility", "neutrality", 3),
        ("credibility", "funding", 5),
        ("credibility", "bureaucracy", 2),
        ("neutrality", "funding", 2),
        ("neutrality", "bureaucracy", 0.5),
        ("funding", "bureaucracy", 0.25),
    ]
    member = join(client, w["join_code"], name="Ana")
    body = {"judgments": [{"first": a, "second": b, "value": v} for a, b, v in rows]}
    pairwise = client.put(f"{API}/workshops/{w['id']}/my/pairwise", json=body, headers=member.auth)
    assert pairwise.is_success, pairwise.text
    original = export(client, auth, w["id"], "json")
    assert original.json()["participants"][0]["elicitation"]["method"] == "ahp"
    copy = client.post(
        f"{API}/workshops/import",
        content=original.content,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert copy.status_code == 201, copy.text
    first = client.get(f"{API}/workshops/{w['id']}/results", headers=auth).json()
    again = client.get(f"{API}/workshops/{copy.json()['id']}/results", headers=auth).json()
    assert again["weights"] == pytest.approx(first["weights"])
    assert again["method"] == first["method"]
