"""A decided record is sealed in the decision's transaction: every later export is the same,
whatever happens to the plan it came from."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app.domain.record_format import fingerprint_of
from app.domain.record_format.snapshot import freeze, thaw
from app.services import documents
from tests.exports.records import make_record
from tests.exports.test_plan_section import PLAN_TITLE, REPORTS_TO
from tests.record.support import decided_plan_workshop, export
from tests.support.api import API


def _change_the_plan(client, auth) -> None:
    plans = client.get(f"{API}/plans", headers=auth).json()
    pid = next(p["id"] for p in plans if p["title"] == PLAN_TITLE)
    response = client.patch(
        f"{API}/plans/{pid}", json={"reports_to": "Someone else entirely"}, headers=auth
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("ext", ["json", "md", "html"])
def test_decided_record_is_byte_identical_after_its_plan_changes(client, ext):
    auth, wid = decided_plan_workshop(client)
    before = export(client, auth, wid, ext)
    assert REPORTS_TO.encode() in before  # the plan as it was at the decision
    _change_the_plan(client, auth)
    assert export(client, auth, wid, ext) == before


def test_decided_record_fingerprint_is_unchanged_after_its_plan_changes(client):
    auth, wid = decided_plan_workshop(client)
    before = json.loads(export(client, auth, wid, "json"))
    _change_the_plan(client, auth)
    after = json.loads(export(client, auth, wid, "json"))
    assert after["fingerprint"] == before["fingerprint"] == fingerprint_of(after)
    assert after["plan"]["reports_to"] != "Someone else entirely"


def test_decided_record_documents_show_the_sealed_fingerprint(client):
    auth, wid = decided_plan_workshop(client)
    fingerprint = json.loads(export(client, auth, wid, "json"))["fingerprint"]
    assert fingerprint in export(client, auth, wid, "md").decode()


def test_snapshot_thaws_to_the_record_it_froze():
    record = make_record()
    again = thaw(freeze(record))
    assert again == record
    assert again.analysis == record.analysis and again.sources == record.sources
    assert freeze(again) == freeze(record)


def test_decided_record_is_unchanged_when_the_catalogue_files_change(app, client):
    auth, wid = decided_plan_workshop(client)
    before = {ext: export(client, auth, wid, ext) for ext in ("json", "md")}
    archive = app.state.archive
    emptied = replace(archive.catalogue, sources={}, considerations=(), event_labels={})
    app.state.archive = replace(archive, catalogue=emptied)
    try:
        after = {ext: export(client, auth, wid, ext) for ext in ("json", "md")}
    finally:
        app.state.archive = archive  # the app is shared by every test of this process
    assert after == before


def test_a_sealed_record_is_thawed_once_for_many_exports(client, monkeypatch):
    """Six facilitators downloading at once must not each turn the stored record back into
    objects on the server: it never changes once sealed."""
    thawed: list[int] = []

    def counted(text: str):
        thawed.append(1)
        return thaw(text)

    monkeypatch.setattr(documents, "thaw", counted)
    documents.THAWED.clear()
    auth, wid = decided_plan_workshop(client)
    first = [export(client, auth, wid, ext) for ext in ("md", "html", "json", "md")]
    assert len(thawed) == 1
    assert first[0] == first[3]
    documents.THAWED.clear()  # another process, or an evicted entry: thawed again, same bytes
    assert export(client, auth, wid, "md") == first[0]
    assert len(thawed) == 2
