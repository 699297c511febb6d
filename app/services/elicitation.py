"""Other ways of giving weights, chosen per workshop by the facilitator (services/methods.py):
ranks, swing points and pairwise comparisons. Each keeps the raw answers and writes the
weights they give to the same weight table as points do."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.domain.elicitation import (
    ELICITATIONS,
    MethodSettings,
    PairwiseCheck,
    check_pairwise,
    rank_weights,
    swing_weights,
)
from app.domain.errors import Conflict, InvalidInput
from app.domain.explain import judgment_label
from app.domain.workshop import Item, Stage, check_accepts_input
from app.persistence import repository as repo
from app.services.mapping import to_item
from app.services.participation import ParticipantIdentity, own_workshop


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


Compute = Callable[[MethodSettings, list[Item]], dict[str, float]]


def write_elicited(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    method: str,
    compute: Compute,
    payload: dict[str, Any],
) -> dict[str, float]:
    """Keep one's raw answers and the weights `compute` makes of them, inside the caller's
    transaction; refused when the workshop asks for weights another way."""
    row = own_workshop(session, me, workshop_id, repo.workshop_for_update)
    settings = MethodSettings.stored_in(row.settings)
    if settings.elicitation != method:
        wanted = ELICITATIONS[settings.elicitation].lower()
        raise Conflict(f"This workshop asks for weights another way: {wanted}.")
    criteria = [to_item(r) for r in repo.items(session, workshop_id, "criterion")]
    weights = compute(settings, criteria)
    check_accepts_input(Stage(row.stage))
    repo.replace_weights(session, me.id, weights)
    repo.save_elicitation(session, me.id, method, payload)
    repo.bump_revision(session, workshop_id)
    repo.add_event(session, workshop_id, "weights", me.name)
    return weights


def ranks_answer(ranks: Mapping[str, object]) -> tuple[str, Compute, dict[str, Any]]:
    """Ranks 1..n (1 = most important, ties allowed) -> weights by the workshop's rank rule."""

    def compute(settings: MethodSettings, criteria: list[Item]) -> dict[str, float]:
        return rank_weights(criteria, ranks, settings.rank_method)

    return "rank", compute, {"ranks": dict(ranks)}


def swing_answer(points: Mapping[str, object]) -> tuple[str, Compute, dict[str, Any]]:
    """Swing points 0-100 per criterion -> weights (points over their total)."""

    def compute(_settings: MethodSettings, criteria: list[Item]) -> dict[str, float]:
        return swing_weights(criteria, points)

    return "swing", compute, {"points": dict(points)}


def pairwise_answer(
    judgments: Sequence[Mapping[str, object]], found: list[PairwiseCheck]
) -> tuple[str, Compute, dict[str, Any]]:
    """Pairwise judgments [{first, second, value}] -> weights; the check (CR and what to
    revisit) is appended to `found`."""

    def compute(_s: MethodSettings, criteria: list[Item]) -> dict[str, float]:
        found.append(check_pairwise(criteria, judgments))
        return found[-1].weights

    return "ahp", compute, {"judgments": [dict(j) for j in judgments]}


def record_ranks(
    session: Session, me: ParticipantIdentity, workshop_id: int, ranks: Mapping[str, object]
) -> dict[str, float]:
    with session.begin():
        return write_elicited(session, me, workshop_id, *ranks_answer(ranks))


def record_swing(
    session: Session, me: ParticipantIdentity, workshop_id: int, points: Mapping[str, object]
) -> dict[str, float]:
    with session.begin():
        return write_elicited(session, me, workshop_id, *swing_answer(points))


def record_pairwise(
    session: Session,
    me: ParticipantIdentity,
    workshop_id: int,
    judgments: Sequence[Mapping[str, object]],
) -> PairwiseCheck:
    """The weights, consistency ratio and judgments to revisit of one's comparisons."""
    found: list[PairwiseCheck] = []
    with session.begin():
        write_elicited(session, me, workshop_id, *pairwise_answer(judgments, found))
    return found[-1]


def my_elicitation(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyElicitation:
    """The workshop's method and one's own raw answers (with the pairwise check, if any)."""
    with session.begin():
        repo.read_only(session)
        return read_my_elicitation(session, me, workshop_id)


def read_my_elicitation(
    session: Session, me: ParticipantIdentity, workshop_id: int
) -> MyElicitation:
    """`my_elicitation` inside the caller's transaction."""
    row = own_workshop(session, me, workshop_id)
    settings = MethodSettings.stored_in(row.settings)
    stored = repo.elicitation(session, me.id)
    criteria = [to_item(r) for r in repo.items(session, workshop_id, "criterion")]
    payload = dict(stored.payload) if stored and stored.method == settings.elicitation else {}
    check = None
    if settings.elicitation == "ahp" and payload.get("judgments"):
        try:
            check = check_pairwise(criteria, payload["judgments"])
        except InvalidInput:
            check = None  # answers to criteria that changed since: ask again
    return MyElicitation(settings, payload, check)
