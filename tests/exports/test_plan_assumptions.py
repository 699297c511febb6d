"""What the plan's documents say about its own assumptions and its similar cases: the budget
year and factor as the planner's assumption, and each similar case's shared-answer count."""

from __future__ import annotations

import json

from tests.exports.test_plan_section import export, plan_workshop
from tests.support.api import API, create_workshop, login


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


def test_plan_documents_give_the_five_conditions_of_collective_impact_once(client):
    auth, wid, summary = plan_workshop(client)
    assert [c["key"] for c in summary["conditions"]["items"]][-1] == "backbone-support"
    md = export(client, auth, wid, "md").decode()
    assert md.count("## What collective impact rests on") == 1
    context = md.split("## What collective impact rests on", 1)[1].split("\n## ", 1)[0]
    for name in ("Common agenda", "Shared measurement", "Mutually reinforcing activities"):
        assert f"**{name}:**" in context
    assert "Continuous communication" in context and "Backbone support" in context
    assert "[" in context  # cited by the bibliography's numbers


def test_workshop_without_a_plan_has_no_collective_impact_section(client):
    auth = login(client)
    wid = create_workshop(client, auth)["id"]
    assert "What collective impact rests on" not in export(client, auth, wid, "md").decode()
