"""A participant's way through the ratings, one step at a time: one option (all its criteria)
or one criterion (every option on it), which steps are done, and which one to show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

RATING_ORDERS = {
    "option": "One option at a time (every criterion for it)",
    "criterion": "One criterion at a time (every option on it)",
}
DONE = "done"


@dataclass(frozen=True)
class RatingSteps:
    """`order` is 'option' or 'criterion'; `steps` the keys in order; `current` the step to
    show, or DONE for the summary once every step is complete."""

    order: str
    steps: tuple[str, ...]
    done: frozenset[str]
    current: str

    @property
    def count_done(self) -> int:
        return len(self.done)

    @property
    def all_done(self) -> bool:
        return len(self.done) == len(self.steps)

    def after(self, key: str) -> str:
        """The step to go to once `key` is saved: the next open one after it, else any open
        one, else DONE."""
        if key in self.steps:
            index = self.steps.index(key)
            ahead = self.steps[index + 1 :] + self.steps[:index]
        else:
            ahead = self.steps
        return next((k for k in ahead if k not in self.done), DONE)

    def position(self, key: str) -> int:
        return self.steps.index(key) + 1 if key in self.steps else 0


def rating_steps(
    order: str,
    options: Sequence[str],
    criteria: Sequence[str],
    ratings: Mapping[str, Mapping[str, int]],
    requested: str = "",
) -> RatingSteps:
    """Where a participant stands; `requested` (a step's key or DONE) wins when it exists,
    otherwise the first step not yet complete."""
    by_criterion = order == "criterion"
    steps = tuple(criteria if by_criterion else options)

    def complete(key: str) -> bool:
        if by_criterion:
            return all(key in ratings.get(o, {}) for o in options)
        return all(c in ratings.get(key, {}) for c in criteria)

    done = frozenset(k for k in steps if complete(k))
    if requested in steps or requested == DONE:
        current = requested
    else:
        current = next((k for k in steps if k not in done), DONE)
    return RatingSteps("criterion" if by_criterion else "option", steps, done, current)
