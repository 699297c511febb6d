"""How alike a planner's situation is to each case of the library, pure.

A case holds only what its source says, so most questions are "not known" for it. The score
is therefore taken over the questions both sides answered: the share of them on which the
case agrees (1 for the same answer, 0 for another; on an ordered question a neighbouring
answer earns partial credit). Beside it, `coverage` is the share of the planner's answers
the case also answers, so a 100 % on one shared question reads as what it is.

Ranking: by the net agreement, the agreement minus the disagreement over the shared
questions (`standing`), then by the score. We chose this over the score weighted by coverage
because that counts agreement only: a case agreeing on four shared answers and differing on
four more would outrank one agreeing on all three it shares. Net agreement keeps a perfect
match on one question (+1) below a strong match on five (+3: four alike, one different) and a
case that mostly differs below one that mostly agrees. Cases with no agreement come last."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.planning.catalogue import Case, PlanningCatalogue, Question


@dataclass(frozen=True)
class CaseMatch:
    """How alike a case is to the answers. `score` in [0, 1] over the `shared` questions
    (answered by both); `coverage` = shared / the planner's answered questions; `standing`
    = agreement minus disagreement, the ranking key. `alike` are the shared answers that are
    the same, `near` (question, yours, theirs) the neighbouring ones with partial credit,
    `differ` (question, yours, theirs) the rest; `unknown` are the planner's answered
    questions the case's source is silent on."""

    case: Case
    score: float
    alike: tuple[tuple[str, str], ...]
    near: tuple[tuple[str, str, str], ...]
    differ: tuple[tuple[str, str, str], ...]
    unknown: tuple[str, ...]
    shared: int
    coverage: float
    standing: float


def _agreement(question: Question, mine: str, theirs: str) -> float:
    if mine == theirs:
        return 1.0
    if not question.ordered or len(question.options) < 2:
        return 0.0
    distance = abs(question.index(mine) - question.index(theirs))
    return 1.0 - distance / (len(question.options) - 1)


def similarity(planning: PlanningCatalogue, answers: Mapping[str, str], case: Case) -> CaseMatch:
    answered = [q for q in planning.questions if q in answers]
    total = 0.0
    alike: list[tuple[str, str]] = []
    near: list[tuple[str, str, str]] = []
    differ: list[tuple[str, str, str]] = []
    unknown: list[str] = []
    for key in answered:
        theirs = case.feature(key)
        if theirs is None:
            unknown.append(key)
            continue
        credit = _agreement(planning.questions[key], answers[key], theirs)
        total += credit
        if credit == 1.0:
            alike.append((key, theirs))
        elif credit > 0:
            near.append((key, answers[key], theirs))
        else:
            differ.append((key, answers[key], theirs))
    shared = len(answered) - len(unknown)
    return CaseMatch(
        case,
        score=round(total / shared, 4) if shared else 0.0,
        alike=tuple(alike),
        near=tuple(near),
        differ=tuple(differ),
        unknown=tuple(unknown),
        shared=shared,
        coverage=round(shared / len(answered), 4) if answered else 0.0,
        standing=round(2 * total - shared, 4),
    )


def rank_cases(planning: PlanningCatalogue, answers: Mapping[str, str]) -> list[CaseMatch]:
    """Cases, most alike first: those with some agreement before the rest, then by net
    agreement, score, identical answers and file order."""
    order = {k: i for i, k in enumerate(planning.cases)}
    matches = [similarity(planning, answers, c) for c in planning.cases.values()]
    return sorted(
        matches,
        key=lambda m: (m.score == 0, -m.standing, -m.score, -len(m.alike), order[m.case.key]),
    )
