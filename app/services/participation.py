"""Participant use cases: joining with a code, who holds a token, giving points and ratings,
reading one's own input. Other ways of giving weights are in services/elicitation.py."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app import security
from app.domain.elicitation import ELICITATIONS, MethodSettings
from app.domain.errors import Conflict, InvalidInput, NotFound, TooManyAttempts, Unauthorized
from app.domain.limits import MAX_PARTICIPANTS
from app.domain.translation import DEFAULT_LANGUAGE, check_language
from app.domain.workshop import (
    Stage,
    Workshop,
    check_accepts_input,
    check_can_join,
    check_points,
    check_sector,
    rating_cells,
)
from app.persistence import repository as repo
from app.services import attempts
from app.services.mapping import InputSnapshot, load_workshop


@dataclass(frozen=True)
class Joined:
    participant_id: int
    token: str
    workshop_id: int
    # Shown once to the person (and kept in their browser): opens their input elsewhere.
    resume_code: str = ""


@dataclass(frozen=True)
class ParticipantIdentity:
    id: int
    workshop_id: int
    name: str
    sector: str
    language: str = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class MyInput:
    # The workshop without the other participants: one's own page shows only one's input.
    workshop: Workshop
    participant: ParticipantIdentity
    points: dict[str, float]
    weights: dict[str, float]
    ratings: dict[str, dict[str, int]]
    comments: dict[str, dict[str, str]]


def join(
    session: Session,
    join_code: str,
    name: str,
    sector: str | None,
    address: str,
    limit: attempts.Limit,
    language: str = DEFAULT_LANGUAGE,
    sector_names: Iterable[Mapping[str, str]] = (),
) -> Joined:
    """Join a workshop; wrong codes count against the address, right ones never do. The sector
    may be named in English or in a language of `sector_names` (the catalogue's)."""
    language = check_language(language)
    display_name = (name or "").strip()
    if not display_name:
        raise InvalidInput("Enter the name the group will see.", field="name")
    if len(display_name) > 80:
        raise InvalidInput("The name may have at most 80 characters.", field="name")
    sector_key = check_sector(sector, sector_names)
    code = security.normalize_join_code(join_code or "")
    wait: int | None = None
    with session.begin():
        row = repo.workshop_by_code(session, code) if code else None
        if row is None or row.stage == Stage.DECIDED:
            # A right code is never refused: only wrong ones are counted, and the count is
            # committed with this block so every process sees it.
            wait = attempts.fail(session, attempts.key("join", address), limit)
        else:
            check_can_join(Stage(row.stage))
            if repo.participant_count(session, row.id or 0) >= MAX_PARTICIPANTS:
                raise Conflict(f"This workshop is full: it holds {MAX_PARTICIPANTS} people.")
            token = security.new_token()
            resume_code = security.new_resume_code()
            participant_id = repo.add_participant(
                session,
                row.id or 0,
                name=display_name,
                sector=sector_key,
                token_hash=security.token_hash(token),
                resume_hash=security.resume_hash(row.id or 0, resume_code),
                language=language,
            )
            repo.bump_revision(session, row.id or 0)
            repo.add_event(session, row.id or 0, "joined", display_name)
            return Joined(participant_id, token, row.id or 0, resume_code)
    if wait is not None:
        raise TooManyAttempts(
            "Too many wrong codes from this address. Wait a few minutes.", retry_after=wait
        )
    raise NotFound(
        "No open workshop has this code. Check it with the facilitator.", field="join_code"
    )


JOIN_FIRST = "Join the workshop first: send 'Authorization: Bearer <token>'."


@dataclass(frozen=True)
class ParticipantToken:
    """A participant's bearer token not yet looked up: a save resolves it inside its own
    transaction, which spares the busiest request a transaction and a thread hop of its own."""

    token: str


def _holder_of(session: Session, token: str) -> ParticipantIdentity | None:
    found = repo.participant_by_token(session, security.token_hash(token))
    return None if found is None else ParticipantIdentity(*found)


def identify(session: Session, who: ParticipantIdentity | ParticipantToken) -> ParticipantIdentity:
    me = who if isinstance(who, ParticipantIdentity) else _holder_of(session, who.token)
    if me is None:
        raise Unauthorized(JOIN_FIRST)
    return me


def choose_language(
    session: Session, who: ParticipantIdentity | ParticipantToken, workshop_id: int, language: str
) -> ParticipantIdentity:
    """The language of the participant's pages and documents from now on."""
    language = check_language(language)
    with session.begin():
        me = identify(session, who)
        own_workshop(session, me, workshop_id)
        repo.set_participant_language(session, me.id, language)
    return dataclasses.replace(me, language=language)


def participant_for_token(session: Session, token: str) -> ParticipantIdentity | None:
    with session.begin():
        repo.read_only(session)
        return _holder_of(session, token)


def own_workshop(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    load: Callable[[Session, int], Any] = repo.workshop,
) -> Any:
    """What `load` reads of the participant's own workshop; 404 for any other workshop."""
    if me.workshop_id != workshop_id:
        raise NotFound(f"No workshop {workshop_id}.")
    found = load(session, workshop_id)
    if found is None:
        raise NotFound(f"No workshop {workshop_id}.")
    return found


def record_weights(
    session: Session, me: ParticipantIdentity, workshop_id: int, weights: dict[str, Any]
) -> dict[str, float]:
    """Replace one's weights (criteria left out count as zero); return them normalized."""
    with session.begin():
        return write_weights(session, me, workshop_id, weights)


def write_weights(
    session: Session, me: ParticipantIdentity, workshop_id: int, weights: dict[str, Any]
) -> dict[str, float]:
    """`record_weights` inside the caller's transaction."""
    row = own_workshop(session, me, workshop_id, repo.workshop_for_update)
    criteria = [i.key for i in repo.items(session, workshop_id, "criterion")]
    points = check_points(criteria, weights)
    method = MethodSettings.stored_in(row.settings).elicitation
    if method != "points":
        wanted = ELICITATIONS[method].lower()
        raise Conflict(f"This workshop asks for weights another way: {wanted}.")
    check_accepts_input(Stage(row.stage))
    repo.replace_weights(session, me.id, points)
    repo.bump_revision(session, workshop_id)
    repo.add_event(session, workshop_id, "weights", me.name)
    total = sum(points.values())
    return {k: v / total for k, v in points.items()}


def record_scores(
    session: Session,
    who: ParticipantIdentity | ParticipantToken,
    workshop_id: int,
    scores: Mapping[str, Mapping[str, object]],
    comments: Mapping[str, Mapping[str, object]] | None = None,
) -> OwnInput:
    """Set the ratings (and comments) named in the body; other cells keep their values.
    Returns the participant's input as stored, read in the same transaction."""
    with session.begin():
        me, stage = write_scores(session, who, workshop_id, scores, comments or {})
        return own_input(InputSnapshot(session, [me.id]), me.id, stage)


def write_scores(
    session: Session,
    who: ParticipantIdentity | ParticipantToken,
    workshop_id: int,
    scores: Mapping[str, Mapping[str, object]],
    comments: Mapping[str, Mapping[str, object]],
) -> tuple[ParticipantIdentity, Stage]:
    """`record_scores` inside the caller's transaction: who saved, and the workshop's stage."""
    me = identify(session, who)
    stage = Stage(own_workshop(session, me, workshop_id, repo.workshop_stage_for_update))
    keys = repo.item_keys(session, workshop_id)
    cells = rating_cells(scores, comments, keys["option"], keys["criterion"])
    check_accepts_input(stage)
    repo.upsert_ratings(session, me.id, cells)
    if cells:
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "ratings", me.name)
    return me, stage


@dataclass(frozen=True)
class OwnInput:
    """One participant's stored weights and ratings, as the API answers a save."""

    participant_id: int
    stage: Stage
    points: dict[str, float]
    weights: dict[str, float]
    ratings: dict[str, dict[str, int]]
    comments: dict[str, dict[str, str]]


def own_input(snapshot: InputSnapshot, participant_id: int, stage: Stage) -> OwnInput:
    points = snapshot.weights.get(participant_id, {})
    total = sum(points.values())
    ratings: dict[str, dict[str, int]] = {}
    for (option, criterion), rating in snapshot.ratings.get(participant_id, {}).items():
        ratings.setdefault(option, {})[criterion] = rating
    comments: dict[str, dict[str, str]] = {}
    for (option, criterion), text in snapshot.comments.get(participant_id, {}).items():
        comments.setdefault(option, {})[criterion] = text
    return OwnInput(
        participant_id=participant_id,
        stage=stage,
        points=points,
        weights={k: v / total for k, v in points.items()} if total else {},
        ratings=ratings,
        comments=comments,
    )


def current_stage(session: Session, me: ParticipantIdentity, workshop_id: int) -> str:
    """Cheap: the stage of the participant's workshop, so the stage poll can answer 304."""
    with session.begin():
        repo.read_only(session)
        return str(own_workshop(session, me, workshop_id).stage)


def my_input(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyInput:
    with session.begin():
        repo.read_only(session)
        return read_my_input(session, me, workshop_id)


def read_my_input(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyInput:
    """`my_input` inside the caller's transaction (after a save, what it stored)."""
    row = own_workshop(session, me, workshop_id)
    snapshot = InputSnapshot(session, [me.id])
    workshop, _ = load_workshop(session, row, snapshot, with_people=False)
    own = own_input(snapshot, me.id, workshop.stage)
    return MyInput(
        workshop=workshop,
        participant=me,
        points=own.points,
        weights=own.weights,
        ratings=own.ratings,
        comments=own.comments,
    )
