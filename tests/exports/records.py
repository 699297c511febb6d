"""Seeded workshop records built without a database, with fixed timestamps: the goldens' and
the benchmark's input. Items come from the real catalogue, topped up with custom ones."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from app.catalogue import load_catalogue
from app.domain.analysis import analyse
from app.domain.followup import Approver, FollowUp
from app.domain.method_results import ParticipantInput as AnalysisInput
from app.domain.record import Record, participant_inputs, robustness_of
from app.domain.results import is_submitted
from app.domain.workshop import SECTORS, Decision, Event, Item, Participant, Stage, Workshop

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NAMES = ["Ana Ortiz", "Ben Okafor", "Chen Wei", "Dana Levi", "Eli Haddad", "Fay Moreau"]


def _items(criteria: int, options: int) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    cat = load_catalogue()
    cs = [
        Item(
            c.key,
            c.name,
            c.description,
            c.direction,
            details={"sources": list(c.sources), "guiding_questions": list(c.guiding_questions)},
        )
        for c in list(cat.criteria.values())[:criteria]
    ]
    cs += [
        Item(f"extra-{i}", f"Extra criterion {i}", "Added by the group.", "benefit", custom=True)
        for i in range(1, criteria - len(cs) + 1)
    ]
    os_ = [
        Item(
            m.key,
            m.name,
            m.summary,
            details={"sources": list(m.sources), "pros": list(m.pros), "cons": list(m.cons)},
        )
        for m in list(cat.models.values())[:options]
    ]
    os_ += [
        Item(f"hybrid-{i}", f"Hybrid model {i}", "A mix.", custom=True)
        for i in range(1, options - len(os_) + 1)
    ]
    return tuple(cs), tuple(os_)


def make_record(
    participants: int = 6,
    criteria: int = 4,
    options: int = 5,
    seed: int = 7,
    decided: bool = True,
    anonymous: bool = False,
    text: str | None = None,
) -> Record:
    """A workshop as the record sees it; `text`, when given, goes into every typed field."""
    rng = random.Random(seed)
    cs, os_ = _items(criteria, options)
    if text is not None:
        cs = tuple(replace(c, name=f"{c.name} {text}", description=text) for c in cs)
        os_ = tuple(replace(o, name=f"{o.name} {text}", description=text) for o in os_)
    sectors = list(SECTORS)[:5]
    people, points, ratings, comments, events = [], {}, {}, {}, []
    events.append(Event("created", "County backbone choice", T0))
    events.append(Event("stage", "weighting", T0 + timedelta(minutes=5)))
    for i in range(1, participants + 1):
        name = NAMES[(i - 1) % len(NAMES)] + (f" {i}" if i > len(NAMES) else "")
        if text is not None:
            name = f"{name} {text}"
        at = T0 + timedelta(minutes=5 + i)
        points[i] = {c.key: float(rng.randint(0, 40)) for c in cs}
        points[i][cs[0].key] += 1
        ratings[i] = {(o.key, c.key): rng.randint(1, 5) for o in os_ for c in cs}
        if i % 3 == 1:
            comments[i] = {(os_[0].key, cs[0].key): text or f"Member {i} wants a named host."}
        shown = f"Participant {i}" if anonymous else name
        people.append(Participant(i, shown, sectors[i % len(sectors)], True, at))
        events.append(Event("joined", shown, at))
        events.append(Event("weights", shown, at + timedelta(minutes=10)))
        events.append(Event("ratings", shown, at + timedelta(minutes=20)))
    analysis = analyse(
        cs,
        os_,
        [AnalysisInput(i, sectors[i % len(sectors)], points[i], ratings[i]) for i in points],
        joined=participants,
    )
    results = analysis.results
    people = [
        replace(p, submitted=is_submitted(points[p.id], ratings[p.id], cs, os_)) for p in people
    ]
    decision = None
    stage = Stage.RESULTS
    if decided:
        second = results.ranking[1] if len(results.ranking) > 1 else results.ranking[0]
        t = text or ""
        decision = Decision(
            option=second.option,
            option_name=second.name,
            rationale=t or "Trusted by every sector in the room.\nIt already hosts two coalitions.",
            departure_reason=t or "The top option cannot hold funds for partners.",
            agreement="consensus",
            dissent=t or "One member preferred the top-ranked option.",
            conditions=t or "Review the arrangement after one year.",
            top_options=tuple(results.top_options),
            decided_at=T0 + timedelta(hours=2),
            follow_ups=(
                FollowUp(
                    "condition", "Fiscal sponsor signs by spring", "Finance lead", date(2026, 4, 30)
                ),
                FollowUp("condition", "Neutral chair for the steering group", "Board clerk", None),
                FollowUp("step", "Draft the hosting agreement", "County counsel", date(2026, 4, 1)),
                FollowUp("step", "Tell partners of the choice", "Convener", date(2026, 3, 16)),
            ),
            approvers=(Approver("Dr. Maria Lopez", "Health Officer"),),
            review_on=date(2027, 3, 2),
        )
        stage = Stage.DECIDED
        events.append(Event("stage", "results", T0 + timedelta(hours=1)))
        events.append(Event("decided", second.option, T0 + timedelta(hours=2)))
    events.sort(key=lambda e: e.at)
    workshop = Workshop(
        id=42,
        title="County backbone choice" + (f" {text}" if text is not None else ""),
        goal=text or "Halve infant deaths in the county by 2030.\n\nWe need one home for the work.",
        convener=text or "County Health Department",
        template="quick",
        stage=stage,
        join_code="ABCD-EFGH",
        revision=9,
        criteria=cs,
        options=os_,
        participants=tuple(people),
        created_at=T0,
        decision=decision,
        anonymous=anonymous,
    )
    inputs = participant_inputs(workshop.participants, {}, points, ratings, comments)
    by_cell: dict = {}
    for per in comments.values():
        for cell, note in per.items():
            by_cell.setdefault(cell, []).append(note)
    catalogue = load_catalogue()
    return Record(
        workshop,
        results,
        by_cell,
        events,
        inputs,
        robustness_of(analysis),
        sources=catalogue.sources,
        considerations=catalogue.considerations,
        event_labels=catalogue.event_labels,
        analysis=analysis,
    )
