"""A workshop record as plain data (`record_data`), in the shape of the JSON record file,
with the plan serialised as the plans API shows it (`plan_data`)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from app.domain.planning import PlanSummary, plan_source_keys
from app.domain.record import Record
from app.domain.record_format.canonical import (
    KIND,
    PARTICIPANT_COPY_KIND,
    SCHEMA_VERSION,
    fingerprint_of,
)
from app.domain.workshop import Decision


def _when(value: datetime) -> str:
    return value.isoformat()


def _nested(cells: dict[tuple[str, str], Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for (option, criterion), value in sorted(cells.items()):
        out.setdefault(option, {})[criterion] = value
    return out


def _item(item: Any) -> dict[str, Any]:
    return {
        "key": item.key,
        "name": item.name,
        "description": item.description,
        "direction": item.direction,
        "custom": item.custom,
        "details": item.details,
    }


def plan_data(plan: PlanSummary) -> dict[str, Any]:
    """The plan as plain data, in the shape of the plans API's `summary` (a similar case keeps
    its key, name, similarity and the answers it shares, not the whole case)."""
    data = asdict(plan)
    data["similar_cases"] = [
        {
            "case": m.case.key,
            "name": m.case.name,
            "similarity": m.score,
            "shared": m.shared,
            "coverage": m.coverage,
            "alike": list(m.alike),
        }
        for m in plan.similar_cases
    ]
    # Tuples become lists, so the data equals what a reader parses back from the file.
    return json.loads(json.dumps(data))


def _decision(d: Decision) -> dict[str, Any]:
    return {
        "option": d.option,
        "rationale": d.rationale,
        "departure_reason": d.departure_reason,
        "agreement": d.agreement,
        "dissent": d.dissent,
        "conditions": d.conditions,
        "top_options": list(d.top_options),
        "decided_at": _when(d.decided_at),
        "follow_ups": [
            {
                "kind": f.kind,
                "text": f.text,
                "owner": f.owner,
                "due": f.due.isoformat() if f.due else None,
            }
            for f in d.follow_ups
        ],
        "approvers": [{"name": a.name, "title": a.title} for a in d.approvers],
        "review_on": d.review_on.isoformat() if d.review_on else None,
    }


def record_data(record: Record) -> dict[str, Any]:
    """The record as plain data, fingerprint included."""
    w, r = record.workshop, record.results
    d = w.decision
    cited = {
        k
        for i in (*w.criteria, *w.options)
        for k in (i.details.get("sources") or [])
        if isinstance(k, str)
    }
    if record.plan is not None:
        cited.update(plan_source_keys(record.plan))
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "workshop": {
            "id": w.id,
            "title": w.title,
            "goal": w.goal,
            "convener": w.convener,
            "template": w.template,
            "stage": w.stage.value,
            "anonymous": w.anonymous,
            "settings": w.settings,
            "created_at": _when(w.created_at),
            "supersedes": w.supersedes,
        },
        "criteria": [_item(c) for c in w.criteria],
        "options": [_item(o) for o in w.options],
        "participants": [
            {
                "ref": p.ref,
                "name": p.name,
                "sector": p.sector,
                "influence": p.influence,
                "joined_at": _when(p.joined_at),
                "points": dict(p.points),
                "ratings": _nested(p.ratings),
                "comments": _nested(p.comments),
                "elicitation": p.elicitation,
            }
            for p in record.inputs
        ],
        "decision": None if d is None else _decision(d),
        "events": [{"kind": e.kind, "detail": e.detail, "at": _when(e.at)} for e in record.events],
        # Derived, for readers: import recomputes these from the input above.
        "results": {
            "weights": r.weights,
            "scores": r.scores,
            "ranking": [{"option": x.option, "score": x.score, "rank": x.rank} for x in r.ranking],
            "joined": r.joined,
            "submitted": r.submitted,
        },
        "sources": [
            {"key": s.key, "title": " ".join(s.title.split())}
            for s in record.sources.values()
            if s.key in cited
        ],
        # The backbone plan the workshop was made from, or null. Import ignores it:
        # the plan stays with the planner's draft, not with the workshop created again.
        "plan": plan_data(record.plan) if record.plan is not None else None,
    }
    if record.copy_of is not None:
        data["kind"] = PARTICIPANT_COPY_KIND
        data["copy_of"] = {
            "note": "A participant's copy: the group's results and decision, and of the "
            "input only this participant's own. It is not the workshop's signed record.",
            "record_fingerprint": record.copy_of or None,
        }
    data["fingerprint"] = fingerprint_of(data)
    return data
