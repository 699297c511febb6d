"""What the plan's documents say about its own assumptions and its similar cases: the budget
year and factor as the planner's assumption, and each similar case's shared-answer count."""

from __future__ import annotations

import json

from tests.exports.test_plan_section import export, plan_workshop
from tests.support.api import API


def _adjust(client, auth, workshop_id):
    plans = client.get(f"{API}/plans", headers=auth).json()
    pid = next(p["id"] for p in plans if p["workshop_id"] == workshop_id)
    body = {"lines": [], "adjustment": {"year": 2026, "factor": 1.4}}
    assert client.put(f"{API}/plans/{pid}/budget", json=body, headers=auth).status_code == 200
    return client.get(f"{API}/plans/{pid}/summary", headers=auth).json()


def test_plan_documents_show_the_budget_year_as_the_planners_assumption(client):
    auth, wid, _ = plan_workshop(client)
    summary = _adjust(client, auth, wid)
    assert summary["budget"]["adjustment"] == {"year": 2026, "factor": 1.4}
    assert summary["budget"]["year"] == 2012  # the reference's year, as before
    md = export(client, auth, wid, "md").decode()
    assert "The planner's assumption, not a source's figure: amounts are in 2026 dollars" in md
    plan = json.loads(export(client, auth, wid, "json"))["plan"]
    assert plan["budget"]["adjustment"] == {"year": 2026, "factor": 1.4}
    assert plan["budget"]["adjusted_reference_total"] == round(425_650 * 1.4)


def test_plan_documents_similar_cases_carry_the_shared_answer_count(client):
    auth, wid, summary = plan_workshop(client)
    first = summary["similar_cases"][0]
    assert first["shared"] >= 1 and 0 < first["coverage"] <= 1
    md = export(client, auth, wid, "md").decode()
    cases = md.split("### Most similar cases", 1)[1]
    assert f"on {first['shared']} shared answers" in cases
    plan = json.loads(export(client, auth, wid, "json"))["plan"]
    assert plan["similar_cases"][0]["shared"] == first["shared"]
