"""The planning rules, pure: the department's answers checked, the consequences they draw,
the models they lean to, the leading model, and the workshop a plan proposes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.planning.catalogue import Emphasis, PlanningCatalogue, Rule
from app.domain.planning.similarity import rank_cases

# A proposed weight starts at BASE_WEIGHT; each "more" adds one step, each "less" takes one
# away, never below MIN_WEIGHT, so no criterion is silently dropped from the workshop.
BASE_WEIGHT = 2
MIN_WEIGHT = 1

# --- answers and consequences ---


def check_answers(planning: PlanningCatalogue, answers: Mapping[str, Any]) -> dict[str, str]:
    """The answers with unknown questions or options refused (field `answers.<question>`);
    a None or empty answer means 'not answered' and is dropped."""
    out: dict[str, str] = {}
    for key, value in answers.items():
        question = planning.questions.get(key)
        if question is None:
            raise InvalidInput(
                f"Unknown question '{key}'. Questions: {', '.join(planning.questions)}.",
                field=f"answers.{key}",
            )
        if value is None or value == "":
            continue
        if not isinstance(value, str) or question.option(value) is None:
            choices = ", ".join(o.key for o in question.options)
            raise InvalidInput(
                f"'{value}' is not an answer to '{key}'. Choose one of: {choices}.",
                field=f"answers.{key}",
            )
        out[key] = value
    return out


@dataclass(frozen=True)
class Consequence:
    """A rule that fired, with the answers that made it fire."""

    rule: str
    says: str
    because: tuple[tuple[str, str], ...]
    emphases: tuple[Emphasis, ...]
    flags: tuple[str, ...]
    leans: tuple[tuple[str, int], ...]
    sources: tuple[str, ...]


def _holds(answers: Mapping[str, str], question: str, values: Sequence[str]) -> bool:
    return answers.get(question) in values


def fires(rule: Rule, answers: Mapping[str, str]) -> bool:
    hits = [_holds(answers, q, vs) for q, vs in rule.when]
    matched = any(hits) if rule.match == "any" else all(hits)
    blocked = any(_holds(answers, q, vs) for q, vs in rule.unless)
    return bool(rule.when) and matched and not blocked


def consequences(planning: PlanningCatalogue, answers: Mapping[str, str]) -> list[Consequence]:
    """Every rule that fires on these answers, in the order of the rules file."""
    out = []
    for rule in planning.rules:
        if fires(rule, answers):
            because = tuple((q, answers[q]) for q, vs in rule.when if _holds(answers, q, vs))
            out.append(
                Consequence(
                    rule.key,
                    rule.says,
                    because,
                    rule.emphases,
                    rule.flags,
                    rule.leans,
                    rule.sources,
                )
            )
    return out


def net_emphases(found: Sequence[Consequence]) -> dict[str, int]:
    """Per criterion, the 'more' proposals minus the 'less' ones (zero entries kept)."""
    net: dict[str, int] = {}
    for c in found:
        for e in c.emphases:
            net[e.criterion] = net.get(e.criterion, 0) + (1 if e.change == "more" else -1)
    return net


def model_leans(found: Sequence[Consequence], models: Sequence[str]) -> dict[str, int]:
    """Per model (in the given order), the sum of the fired rules' leans."""
    leans = dict.fromkeys(models, 0)
    for c in found:
        for model, lean in c.leans:
            if model in leans:
                leans[model] += lean
    return leans


@dataclass(frozen=True)
class Leading:
    """The model the plan is built for: the planner's choice, else the one the answers lean to."""

    model: str
    chosen: bool
    leans: tuple[tuple[str, int], ...]
    closest_case: str | None


def leading_model(
    planning: PlanningCatalogue,
    answers: Mapping[str, str],
    models: Sequence[str],
    chosen: str | None = None,
) -> Leading:
    """The chosen model if any; else the model with the highest lean, ties broken by the
    most similar case whose model is among them, then by the order of `models`."""
    found = consequences(planning, answers)
    leans = model_leans(found, models)
    ranked = [m for m in rank_cases(planning, answers) if m.score > 0]
    closest = next((m.case.key for m in ranked if m.case.model in models), None)
    if chosen:
        return Leading(chosen, True, tuple(leans.items()), closest)
    # A model's best place in the case ranking (lower is closer); models with no case ranked
    # come after every model that has one.
    best_place: dict[str, int] = {}
    for place, m in enumerate(ranked):
        best_place.setdefault(m.case.model, place)
    model = max(
        models,
        key=lambda k: (leans[k], -best_place.get(k, len(ranked)), -list(models).index(k)),
    )
    return Leading(model, False, tuple(leans.items()), closest)


# --- the workshop proposal ---


@dataclass(frozen=True)
class Proposal:
    """Criteria and proposed weights (points summing to 100) for a workshop made from a plan;
    `reasons` lists, per criterion, the rules that moved its weight."""

    criteria: tuple[str, ...]
    points: Mapping[str, int]
    reasons: Mapping[str, tuple[str, ...]]


def largest_remainder(raw: Mapping[str, float], total: int = 100) -> dict[str, int]:
    """Whole points summing exactly to `total`, in proportion to `raw` (ties: first listed)."""
    whole = sum(raw.values())
    shares = {k: v * total / whole for k, v in raw.items()}
    points = {k: math.floor(s) for k, s in shares.items()}
    left = total - sum(points.values())
    order = sorted(raw, key=lambda k: (-(shares[k] - points[k]), list(raw).index(k)))
    for k in order[:left]:
        points[k] += 1
    return points


def propose_workshop(
    template_criteria: Sequence[str], found: Sequence[Consequence], known_criteria: Sequence[str]
) -> Proposal:
    """The template's criteria plus any catalogue criterion a rule asks to weigh more; each
    starts at BASE_WEIGHT and moves one step per emphasis, floored at MIN_WEIGHT."""
    net = net_emphases(found)
    criteria = list(template_criteria)
    for key, n in net.items():
        if n > 0 and key not in criteria and key in known_criteria:
            criteria.append(key)
    raw = {k: float(max(MIN_WEIGHT, BASE_WEIGHT + net.get(k, 0))) for k in criteria}
    reasons = {
        k: tuple(c.rule for c in found if any(e.criterion == k for e in c.emphases))
        for k in criteria
    }
    return Proposal(tuple(criteria), largest_remainder(raw), reasons)
