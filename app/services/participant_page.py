"""What a participant's page shows, and its forms' saves: each save writes and reads the
page's part back in one transaction, so a form post is one use case."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session

from app.domain.elicitation import PairwiseCheck
from app.domain.workshop import check_shared_points
from app.persistence import repository as repo
from app.services import elicitation as E
from app.services import participation as P
from app.services.elicitation import MyElicitation
from app.services.participation import MyInput, ParticipantIdentity


@dataclass(frozen=True)
class MyPage:
    """One's own input, and the way the workshop asks for weights with one's raw answers
    (None where the part shown has no weights form)."""

    mine: MyInput
    elicitation: MyElicitation | None


def _read(
    session: Session, me: ParticipantIdentity, workshop_id: int, weights: bool = True
) -> MyPage:
    mine = P.read_my_input(session, me, workshop_id)
    own = E.read_my_elicitation(session, me, workshop_id) if weights else None
    return MyPage(mine, own)


def show(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyPage:
    with session.begin():
        repo.read_only(session)
        return _read(session, me, workshop_id)


def record_points(
    session: Session, me: ParticipantIdentity, workshop_id: int, points: Mapping[str, object]
) -> MyPage:
    """The points form: exactly 100 points shared among the criteria."""
    check_shared_points(points)
    with session.begin():
        P.write_weights(session, me, workshop_id, dict(points))
        return _read(session, me, workshop_id)


def record_option_scores(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    option: str,
    ratings: Mapping[str, object],
    comments: Mapping[str, object],
) -> MyPage:
    """One option's form: its ratings and comments; the weights part is not read back."""
    with session.begin():
        P.write_scores(session, me, workshop_id, {option: ratings}, {option: comments})
        return _read(session, me, workshop_id, weights=False)


def record_criterion_scores(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    criterion: str,
    ratings: Mapping[str, object],
    comments: Mapping[str, object],
) -> MyPage:
    """One criterion's form: every option's rating (and comment) on it."""
    scores = {option: {criterion: rating} for option, rating in ratings.items()}
    notes = {option: {criterion: text} for option, text in comments.items()}
    with session.begin():
        P.write_scores(session, me, workshop_id, scores, notes)
        return _read(session, me, workshop_id, weights=False)


def record_ranks(
    session: Session, me: ParticipantIdentity, workshop_id: int, ranks: Mapping[str, object]
) -> MyPage:
    with session.begin():
        E.write_elicited(session, me, workshop_id, *E.ranks_answer(ranks))
        return _read(session, me, workshop_id)


def record_swing(
    session: Session, me: ParticipantIdentity, workshop_id: int, points: Mapping[str, object]
) -> MyPage:
    with session.begin():
        E.write_elicited(session, me, workshop_id, *E.swing_answer(points))
        return _read(session, me, workshop_id)


def record_pairwise(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    judgments: Sequence[Mapping[str, object]],
) -> MyPage:
    found: list[PairwiseCheck] = []
    with session.begin():
        E.write_elicited(session, me, workshop_id, *E.pairwise_answer(judgments, found))
        return _read(session, me, workshop_id)
