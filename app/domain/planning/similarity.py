"""How alike a planner's situation is to each case of the library, pure: a score over the
answered questions (half credit for a neighbouring answer on an ordered question) and the
answers that made the case alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.planning.catalogue import Case, PlanningCatalogue, Question


@dataclass(frozen=True)
class CaseMatch:
    """How alike a case is to the answers: `score` in [0, 1] over the answered questions;
    `alike` are the answers the case shares, `near` the neighbouring ones (half credit)."""

    case: Case
    score: float
    alike: tuple[tuple[str, str], ...]
    near: tuple[tuple[str, str, str], ...]


def _agreement(question: Question, mine: str, theirs: str) -> float:
    if mine == theirs:
        return 1.0
    if not question.ordered or len(question.options) < 2:
        return 0.0
    distance = abs(question.index(mine) - question.index(theirs))
    return 1.0 - distance / (len(question.options) - 1)


def similarity(planning: PlanningCatalogue, answers: Mapping[str, str], case: Case) -> CaseMatch:
    # Dividing by the questions answered, not by the case's features, keeps a case the source
    # says little about from looking like a perfect match on one shared answer.
    answered = [q for q in planning.questions if q in answers]
    total, alike, near = 0.0, [], []
    for key in answered:
        theirs = case.feature(key)
        if theirs is None:
            continue
        credit = _agreement(planning.questions[key], answers[key], theirs)
        total += credit
        if credit == 1.0:
            alike.append((key, theirs))
        elif credit > 0:
            near.append((key, answers[key], theirs))
    score = total / len(answered) if answered else 0.0
    return CaseMatch(case, round(score, 4), tuple(alike), tuple(near))


def rank_cases(planning: PlanningCatalogue, answers: Mapping[str, str]) -> list[CaseMatch]:
    """Cases, most alike first; ties by more identical answers, then file order."""
    order = {k: i for i, k in enumerate(planning.cases)}
    matches = [similarity(planning, answers, c) for c in planning.cases.values()]
    return sorted(matches, key=lambda m: (-m.score, -len(m.alike), order[m.case.key]))
