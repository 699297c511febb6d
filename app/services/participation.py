"""Participant use cases: joining with a code, giving weights and ratings, reading own input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app import security
from app.domain.elicitation import (
    ELICITATIONS,
    MethodSettings,
    PairwiseCheck,
    check_pairwise,
    rank_weights,
    swing_weights,
)
from app.domain.errors import Conflict, InvalidInput, NotFound, TooManyAttempts, Unauthorized
from app.domain.explain import judgment_label
from app.domain.numbers import check_weight
from app.domain.workshop import (
    Item,
    Stage,
    Workshop,
    check_accepts_input,
    check_can_join,
    check_rating,
    check_sector,
)
from app.persistence import repository as repo
from app.persistence.tables import ElicitationRow, JoinFailureRow, ParticipantRow
from app.services import methods
from app.services.mapping import InputSnapshot, load_workshop, to_item

MAX_COMMENT = 1000


@dataclass(frozen=True)
class Joined:
    participant_id: int
    token: str
    workshop_id: int


@dataclass(frozen=True)
class ParticipantIdentity:
    id: int
    workshop_id: int
    name: str
    sector: str


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
    failures_allowed: int,
    window_seconds: int,
) -> Joined:
    """Join a workshop; wrong codes count against the address, right ones never do."""
    display_name = (name or "").strip()
    if not display_name:
        raise InvalidInput("Enter the name the group will see.", field="name")
    if len(display_name) > 80:
        raise InvalidInput("The name may have at most 80 characters.", field="name")
    sector_key = check_sector(sector)
    code = security.normalize_join_code(join_code or "")
    now = datetime.now(UTC)
    since = now - timedelta(seconds=window_seconds)
    failed = False
    with session.begin():
        if repo.count_join_failures(session, address, since) >= failures_allowed:
            raise TooManyAttempts("Too many wrong codes from this address. Wait a few minutes.")
        row = repo.workshop_by_code(session, code) if code else None
        if row is None or row.stage == Stage.DECIDED:
            # The failure is committed with this block so every process sees it.
            session.add(JoinFailureRow(address=address, at=now))
            repo.forget_join_failures_before(session, since)
            failed = True
        else:
            check_can_join(Stage(row.stage))
            token = security.new_token()
            participant = ParticipantRow(
                workshop_id=row.id or 0,
                name=display_name,
                sector=sector_key,
                token_hash=security.token_hash(token),
            )
            session.add(participant)
            repo.bump_revision(session, row.id or 0)
            repo.add_event(session, row.id or 0, "joined", display_name)
            session.flush()
            joined = Joined(participant.id or 0, token, row.id or 0)
    if failed:
        raise NotFound(
            "No open workshop has this code. Check it with the facilitator.", field="join_code"
        )
    return joined


JOIN_FIRST = "Join the workshop first: send 'Authorization: Bearer <token>'."


@dataclass(frozen=True)
class ParticipantToken:
    """A participant's bearer token not yet looked up: a save resolves it inside its own
    transaction, which spares the busiest request a transaction and a thread hop of its own."""

    token: str


def _holder_of(session: Session, token: str) -> ParticipantIdentity | None:
    found = repo.participant_by_token(session, security.token_hash(token))
    return None if found is None else ParticipantIdentity(*found)


def _identify(session: Session, who: ParticipantIdentity | ParticipantToken) -> ParticipantIdentity:
    me = who if isinstance(who, ParticipantIdentity) else _holder_of(session, who.token)
    if me is None:
        raise Unauthorized(JOIN_FIRST)
    return me


def participant_for_token(session: Session, token: str) -> ParticipantIdentity | None:
    with session.begin():
        repo.read_only(session)
        return _holder_of(session, token)


def _own_workshop(
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
        row = _own_workshop(session, me, workshop_id, repo.workshop_for_update)
        criteria = [i.key for i in repo.items(session, workshop_id, "criterion")]
        unknown = [k for k in weights if k not in criteria]
        if unknown:
            raise InvalidInput(f"Unknown criterion '{unknown[0]}'.", field=f"weights.{unknown[0]}")
        points = {k: check_weight(weights.get(k, 0), f"weights.{k}") for k in criteria}
        total = sum(points.values())
        if total <= 0:
            raise InvalidInput("Give at least one criterion some weight.", field="weights")
        method = methods.settings_of(row).elicitation
        if method != "points":
            wanted = ELICITATIONS[method].lower()
            raise Conflict(f"This workshop asks for weights another way: {wanted}.")
        check_accepts_input(Stage(row.stage))
        repo.replace_weights(session, me.id, points)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "weights", me.name)
        return {k: v / total for k, v in points.items()}


def record_scores(
    session: Session,
    who: ParticipantIdentity | ParticipantToken,
    workshop_id: int,
    scores: dict[str, Any],
    comments: dict[str, Any] | None = None,
) -> OwnInput:
    """Set the ratings (and comments) named in the body; other cells keep their values.
    Returns the participant's input as stored, read in the same transaction."""
    comments = comments or {}
    with session.begin():
        me = _identify(session, who)
        stage = _own_workshop(session, me, workshop_id, repo.workshop_stage_for_update)
        keys = repo.item_keys(session, workshop_id)
        options, criteria = keys["option"], keys["criterion"]
        cells: dict[tuple[str, str], tuple[int, str | None]] = {}
        for section, body in (("scores", scores), ("comments", comments)):
            if not isinstance(body, dict):
                raise InvalidInput(f"'{section}' must be an object.", field=section)
            for option, row_body in body.items():
                if option not in options:
                    raise InvalidInput(f"Unknown option '{option}'.", field=f"{section}.{option}")
                if not isinstance(row_body, dict):
                    raise InvalidInput(
                        "Give an object of criterion keys.", field=f"{section}.{option}"
                    )
                for criterion in row_body:
                    if criterion not in criteria:
                        raise InvalidInput(
                            f"Unknown criterion '{criterion}'.",
                            field=f"{section}.{option}.{criterion}",
                        )
        for option, row_body in scores.items():
            for criterion, value in row_body.items():
                rating = check_rating(value, f"scores.{option}.{criterion}")
                cells[(option, criterion)] = (rating, None)
        for option, row_body in comments.items():
            for criterion, text in row_body.items():
                field = f"comments.{option}.{criterion}"
                comment = str(text or "").strip()
                if len(comment) > MAX_COMMENT:
                    raise InvalidInput(
                        f"A comment may have at most {MAX_COMMENT} characters.", field=field
                    )
                if (option, criterion) not in cells:
                    raise InvalidInput("A comment needs a rating for the same cell.", field=field)
                cells[(option, criterion)] = (cells[(option, criterion)][0], comment)
        check_accepts_input(Stage(stage))
        repo.upsert_ratings(session, me.id, cells)
        if cells:
            repo.bump_revision(session, workshop_id)
            repo.add_event(session, workshop_id, "ratings", me.name)
        return own_input(InputSnapshot(session, [me.id]), me.id, Stage(stage))


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


def my_input(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyInput:
    with session.begin():
        repo.read_only(session)
        row = _own_workshop(session, me, workshop_id)
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


# Other ways of giving weights, chosen per workshop by the facilitator (services/methods.py).
# Each keeps the raw answers and writes the weights they give to the same weight table.


@dataclass(frozen=True)
class MyElicitation:
    method: MethodSettings
    payload: dict[str, Any]
    check: PairwiseCheck | None  # for pairwise answers: CR and the judgments to revisit

    @property
    def pair_values(self) -> dict[str, str]:
        """Stored pairwise judgments as the form shows them: 'first.second' -> '3' or '1/3'."""
        out: dict[str, str] = {}
        for j in self.payload.get("judgments", []):
            try:
                out[f"{j['first']}.{j['second']}"] = judgment_label(float(j["value"]))
            except (KeyError, TypeError, ValueError, ZeroDivisionError):
                continue
        return out

    @property
    def revisit_pairs(self) -> dict[str, str]:
        """'first.second' -> the sentence saying why to look at that judgment again."""
        if self.check is None:
            return {}
        return {f"{r.first}.{r.second}": r.sentence for r in self.check.revisit}


def _record_elicited(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    method: str,
    compute: Callable[[MethodSettings, list[Item]], dict[str, float]],
    payload: dict[str, Any],
) -> dict[str, float]:
    with session.begin():
        row = _own_workshop(session, me, workshop_id, repo.workshop_for_update)
        settings = methods.settings_of(row)
        if settings.elicitation != method:
            wanted = ELICITATIONS[settings.elicitation].lower()
            raise Conflict(f"This workshop asks for weights another way: {wanted}.")
        criteria = [to_item(r) for r in repo.items(session, workshop_id, "criterion")]
        weights = compute(settings, criteria)
        check_accepts_input(Stage(row.stage))
        repo.replace_weights(session, me.id, weights)
        existing = session.get(ElicitationRow, me.id)
        if existing is None:
            session.add(ElicitationRow(participant_id=me.id, method=method, payload=payload))
        else:
            existing.method, existing.payload = method, payload
            session.add(existing)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "weights", me.name)
        return weights


def record_ranks(
    session: Session, me: ParticipantIdentity, workshop_id: int, ranks: dict[str, Any]
) -> dict[str, float]:
    """Ranks 1..n (1 = most important, ties allowed) -> weights by the workshop's rank rule."""
    if not isinstance(ranks, dict):
        raise InvalidInput("Give an object of criterion ranks.", field="ranks")
    return _record_elicited(
        session,
        me,
        workshop_id,
        "rank",
        lambda s, criteria: rank_weights(criteria, ranks, s.rank_method),
        {"ranks": dict(ranks)},
    )


def record_swing(
    session: Session, me: ParticipantIdentity, workshop_id: int, points: dict[str, Any]
) -> dict[str, float]:
    """Swing points 0-100 per criterion -> weights (points over their total)."""
    if not isinstance(points, dict):
        raise InvalidInput("Give an object of criterion points.", field="points")
    return _record_elicited(
        session,
        me,
        workshop_id,
        "swing",
        lambda _s, criteria: swing_weights(criteria, points),
        {"points": dict(points)},
    )


def record_pairwise(
    session: Session, me: ParticipantIdentity, workshop_id: int, judgments: list[Any]
) -> PairwiseCheck:
    """Pairwise judgments [{first, second, value}] -> weights, CR and what to revisit."""
    if not isinstance(judgments, list) or not all(isinstance(j, dict) for j in judgments):
        raise InvalidInput("Give a list of {first, second, value} judgments.", field="judgments")
    found: list[PairwiseCheck] = []

    def compute(_s: MethodSettings, criteria: list[Item]) -> dict[str, float]:
        found.append(check_pairwise(criteria, judgments))
        return found[0].weights

    _record_elicited(session, me, workshop_id, "ahp", compute, {"judgments": list(judgments)})
    return found[0]


def my_elicitation(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyElicitation:
    """The workshop's method and one's own raw answers (with the pairwise check, if any)."""
    with session.begin():
        row = _own_workshop(session, me, workshop_id)
        settings = methods.settings_of(row)
        stored = session.get(ElicitationRow, me.id)
        criteria = [to_item(r) for r in repo.items(session, workshop_id, "criterion")]
    payload = dict(stored.payload) if stored and stored.method == settings.elicitation else {}
    check = None
    if settings.elicitation == "ahp" and payload.get("judgments"):
        try:
            check = check_pairwise(criteria, payload["judgments"])
        except InvalidInput:
            check = None  # answers to criteria that changed since: ask again
    return MyElicitation(settings, payload, check)
