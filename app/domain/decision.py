"""The decision's guard: when a workshop may decide, and what the ranking it departs from is.

The ranking is the workshop's own method (no default to fall back on) and the cheap one: the
group's weights and ratings only, never the 10,000-draw simulation, so the check runs inside
the write transaction without holding the lock for seconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.elicitation import MethodSettings
from app.domain.errors import Conflict, InvalidInput
from app.domain.method_results import ParticipantInput, group_results
from app.domain.results import RankedOption
from app.domain.workshop import Item, Stage


def rank_by_method(
    criteria: Sequence[Item],
    options: Sequence[Item],
    inputs: Sequence[ParticipantInput],
    settings: MethodSettings,
    joined: int,
) -> list[RankedOption]:
    """The group's ranking under `settings`, the workshop's method: rank only, no simulation."""
    results, _ = group_results(criteria, options, inputs, settings, joined)
    return results.ranking


def top_of(ranking: Sequence[RankedOption]) -> list[str]:
    """The options ranked first (several when tied) among those anyone rated."""
    return [r.option for r in ranking if r.rank == 1 and r.coverage > 0]


def check_can_decide(stage: Stage, has_input: bool) -> None:
    """A decision needs a workshop past setup in which someone has given input."""
    if stage == Stage.DECIDED:
        raise Conflict("This workshop's decision is recorded already.")
    if stage == Stage.SETUP:
        raise Conflict(
            "The workshop is still being set up: open it to the group before deciding.",
            field="stage",
        )
    if not has_input:
        raise Conflict(
            "Nobody has given weights or ratings yet: a decision needs the group's input.",
            field="stage",
        )


def check_departure(option: str, top: Sequence[str], departure_reason: str | None) -> None:
    """Choosing an option that is not ranked first under the workshop's method needs a reason."""
    if top and option not in top and not (departure_reason or "").strip():
        raise InvalidInput(
            "The group chose an option that is not ranked first under this workshop's method: "
            "say why.",
            field="departure_reason",
        )
