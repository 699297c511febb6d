"""Reading a workshop's results: the default method over everyone's stored input."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session

from app.domain.analysis import Analysis, ParticipantInput, analyse, what_if, what_if_sentence
from app.domain.elicitation import MethodSettings, pairwise_matrix
from app.domain.errors import InvalidInput, NotFound
from app.domain.record import Record, masked_events, participant_inputs, robustness_of
from app.domain.results import RankedOption, WorkshopResults
from app.domain.workshop import Workshop, check_points
from app.persistence import repository as repo
from app.persistence.tables import ParticipantRow, WorkshopRow
from app.services.documents import provenance_of, sealed_record
from app.services.mapping import InputSnapshot, load_events, load_workshop
from app.services.results_cache import LruCache
from app.services.rounds import read_rounds
from app.services.workshops import owned_row


@dataclass(frozen=True)
class ResultsView:
    workshop: Workshop
    results: WorkshopResults
    comments: dict[tuple[str, str], list[str]]
    analysis: Analysis | None = None
    key: Hashable | None = None  # the cache key it is kept under; None when not cached


@dataclass(frozen=True)
class WhatIfView:
    results: ResultsView  # what the page shows beside the what-if
    workshop: Workshop
    weights: dict[str, float]  # as given, rescaled to sum 1
    current: list[RankedOption]
    ranking: list[RankedOption]
    sentence: str


def current_revision(session: Session, owner_id: int, workshop_id: int) -> int:
    """Cheap: lets live views answer 'nothing changed' without computing anything."""
    with session.begin():
        repo.read_only(session)
        return owned_row(session, owner_id, workshop_id).revision


def results_of(
    workshop: Workshop, snapshot: InputSnapshot, extra: MethodInputs | None = None
) -> ResultsView:
    """The results by the workshop's method, with agreement, robustness and sectors."""
    extra = extra or MethodInputs(MethodSettings(), {}, {})
    inputs = method_inputs_of(workshop, snapshot, extra)
    analysis = analyse(
        workshop.criteria,
        workshop.options,
        inputs,
        extra.settings,
        len(workshop.participants),
        min_sector=2 if workshop.anonymous else 1,
    )
    comments: dict[tuple[str, str], list[str]] = {}
    for per_participant in snapshot.comments.values():
        for cell, text in per_participant.items():
            comments.setdefault(cell, []).append(text)
    if workshop.anonymous:  # in join order they would say who wrote first
        comments = {cell: sorted(texts) for cell, texts in comments.items()}
    return ResultsView(workshop, analysis.results, comments, analysis)


def method_inputs_of(
    workshop: Workshop, snapshot: InputSnapshot, extra: MethodInputs
) -> list[ParticipantInput]:
    """Everyone's input as the method reads it, in join order."""
    return [
        ParticipantInput(
            id=p.id,
            sector=p.sector,
            weights=snapshot.weights.get(p.id),
            ratings=snapshot.ratings.get(p.id, {}),
            weight=extra.participant_weights.get(p.id, 1.0),
            matrix=extra.matrices.get(p.id),
        )
        for p in workshop.participants
    ]


@dataclass(frozen=True)
class MethodInputs:
    """What the method needs beyond weights and ratings: settings, participant weights, matrices."""

    settings: MethodSettings
    participant_weights: dict[int, float]
    matrices: dict[int, list[list[float]]]


def method_inputs(
    session: Session,
    row: Any,
    workshop: Workshop,
    people: list[ParticipantRow],
    elicitations: dict[int, Any] | None = None,
) -> MethodInputs:
    """`elicitations`, when the caller has read them already, are not read again."""
    settings = MethodSettings.stored_in(row.settings)
    matrices: dict[int, list[list[float]]] = {}
    if settings.elicitation == "ahp":
        if elicitations is None:
            elicitations = repo.elicitations(session, [p.id or 0 for p in people])
        for pid, e in elicitations.items():
            if e.method != "ahp":
                continue
            try:
                matrices[pid] = pairwise_matrix(workshop.criteria, e.payload.get("judgments", []))
            except InvalidInput:
                continue  # answers about criteria that no longer exist
    if row.anonymous:  # everyone counts the same (domain/anonymity.py)
        return MethodInputs(replace(settings, participant_weights=False), {}, matrices)
    return MethodInputs(settings, {p.id or 0: p.weight for p in people}, matrices)


# One per process: each worker keeps its own, and each stays correct because the key holds
# the workshop's revision as read from the database in the request's own transaction.
RESULTS: LruCache[ResultsView] = LruCache()
# What views make of a cached analysis (a JSON body, its gzip): made once too, same keys.
RENDERINGS: LruCache[bytes] = LruCache(max_entries=256, max_bytes=32 * 1024 * 1024)


def cache_key(session: Session, row: Any) -> Hashable:
    """What identifies a workshop's input: the database, the workshop, its revision (every write
    moves it) and method settings; the creation and update times tell apart a workshop of another
    database file that happens to share the id and revision (a restored backup, a test)."""
    settings = json.dumps(row.settings or {}, sort_keys=True, default=str)
    return (
        str(session.get_bind().engine.url),
        row.id,
        str(row.created_at),
        row.revision,
        str(row.updated_at),
        settings,
    )


def computed_results(session: Session, row: WorkshopRow) -> ResultsView:
    """The whole analysis of the workshop, computed now (10,000-draw simulations included)."""
    assert row.id is not None
    people = repo.participants(session, row.id)
    workshop, snapshot = load_workshop(session, row, people=people)
    return results_of(workshop, snapshot, method_inputs(session, row, workshop, people))


def read_cached(session: Session, row: WorkshopRow) -> ResultsView:
    """The workshop's results inside the caller's transaction: computed once per revision and
    method settings, then shared (treat the view as read-only)."""
    key = cache_key(session, row)
    return RESULTS.get_or_compute(
        key, lambda: replace(computed_results(session, row), key=key), approximate_size
    )


def read_cached_version(session: Session, version: Any) -> ResultsView:
    """`read_cached` from what `repo.workshops_of_tokens` reads: the whole workshop row is loaded
    only when this revision's analysis is not in the cache yet."""
    found = RESULTS.get(cache_key(session, version))
    if found is not None:
        return found
    row = repo.workshop(session, version.id)
    if row is None:  # removed since the version was read: not possible within one transaction
        raise NotFound(f"No workshop {version.id}.")
    return read_cached(session, row)


def approximate_size(view: ResultsView) -> int:
    """A rough in-memory size from the workshop's shape, without walking the objects (pickling
    a 300-person analysis to measure it took a sixth of computing it): about 100 bytes per
    number kept (weights, ratings, per-option figures) and per comment character."""
    w = view.workshop
    people, criteria, options = len(w.participants), len(w.criteria), len(w.options)
    numbers = people * (criteria + options) + options * (criteria + options) * 8
    text = sum(len(t) for texts in view.comments.values() for t in texts)
    return 16_384 + 100 * numbers + text


def rendered(view: ResultsView, name: str, render: Callable[[ResultsView], bytes]) -> bytes:
    """`render(view)`, made once per cached view and `name` (the JSON of the results, its
    gzip), so a room asking at once shares one rendering as it shares one analysis."""
    if view.key is None:
        return render(view)
    return RENDERINGS.get_or_compute((view.key, name), lambda: render(view), len)


def cached_results(session: Session, workshop_id: int, owner_id: int | None = None) -> ResultsView:
    """The results of a workshop, computed once per revision: the one entry point for every view
    that shows them (facilitator's page and JSON, live panel, presenter view, revealed results).

    With `owner_id`, only that facilitator's workshop is found; without it the caller has
    already checked access (a participant of the workshop, the presenter's link).
    """
    with session.begin():
        repo.read_only(session)
        if owner_id is not None:
            return read_cached(session, owned_row(session, owner_id, workshop_id))
        row = repo.workshop(session, workshop_id)
        if row is None:
            raise NotFound(f"No workshop {workshop_id}.")
        return read_cached(session, row)


def read_results(session: Session, owner_id: int, workshop_id: int) -> ResultsView:
    """`workshop_results` inside the caller's transaction."""
    return read_cached(session, owned_row(session, owner_id, workshop_id))


def workshop_results(session: Session, owner_id: int, workshop_id: int) -> ResultsView:
    return cached_results(session, workshop_id, owner_id)


def workshop_record(session: Session, owner_id: int, workshop_id: int) -> Record:
    with session.begin():
        repo.read_only(session)
        return record_of(session, owned_row(session, owner_id, workshop_id))


def operator_record(session: Session, workshop_id: int) -> Record:
    """The record of any workshop, whoever owns it: for the operator's command line."""
    with session.begin():
        repo.read_only(session)
        row = repo.workshop(session, workshop_id)
        if row is None:
            raise NotFound(f"No workshop {workshop_id}.")
        return record_of(session, row)


def operator_workshop_ids(session: Session) -> list[int]:
    """Every workshop's id, whoever owns it: for the operator's `export --all`."""
    with session.begin():
        repo.read_only(session)
        return repo.workshop_ids(session)


def record_of(session: Session, row: WorkshopRow) -> Record:
    """Everything a rationale document shows, read inside the caller's transaction: the sealed
    record of a decided workshop, or the workshop as it is now."""
    assert row.id is not None
    return sealed_record(session, row.id) or live_record(session, row)


def live_record(session: Session, row: WorkshopRow, view: ResultsView | None = None) -> Record:
    """The record as the workshop is now. `view`, results computed earlier from the same
    input (the decision computes them before it takes the lock), is used instead of computing
    them again. Names leave only as the workshop shows them: the timeline's names are masked too.
    """
    assert row.id is not None
    people = repo.participants(session, row.id)
    workshop, snapshot = load_workshop(session, row, people=people)
    elicitations = repo.elicitations(session, [p.id or 0 for p in people])
    # Names as the workshop shows them; an anonymous one names nobody in its timeline, not
    # even by pseudonym, so no pseudonym is tied to a time.
    shown = {p.id: p.name for p in workshop.participants}
    events = masked_events(
        load_events(session, row.id),
        [p.name for p in people],
        [
            "a participant" if row.anonymous else shown.get(p.id or 0, "a participant")
            for p in people
        ],
    )
    if view is None:
        view = read_cached(session, row)
    inputs = participant_inputs(
        workshop.participants,
        {} if row.anonymous else {p.id or 0: p.weight for p in people},
        snapshot.weights,
        snapshot.ratings,
        snapshot.comments,
        {
            pid: {"method": e.method, "payload": dict(e.payload or {})}
            for pid, e in elicitations.items()
        },
    )
    robustness = robustness_of(view.analysis) if view.analysis else None
    rounds = read_rounds(session, row, workshop) if row.round > 1 else None
    return Record(
        workshop,
        view.results,
        view.comments,
        events,
        inputs,
        robustness,
        analysis=view.analysis,
        provenance=provenance_of(session, row.id),
        rounds=rounds,
    )


def explore_weights(
    session: Session, owner_id: int, workshop_id: int, weights: Mapping[str, object]
) -> WhatIfView:
    """What-if: the ranking the group's ratings would give under the facilitator's weights."""
    view = workshop_results(session, owner_id, workshop_id)
    given = check_points([c.key for c in view.workshop.criteria], weights)
    ranking = what_if(view.workshop.options, view.results.values, given)
    total = sum(given.values())
    return WhatIfView(
        view,
        view.workshop,
        {k: v / total for k, v in given.items()},
        view.results.ranking,
        ranking,
        what_if_sentence(view.results.ranking, ranking),
    )
