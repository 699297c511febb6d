"""What an anonymous workshop shows of each member: a pseudonym in an order nobody can tie to
arrival, no time of their own, and a sector only where at least K members share it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.domain.errors import Conflict

K = 3  # the fewest members a sector shown beside one member's input may have
POOLED = "other"  # where smaller sectors go on per-member rows
NO_PARTICIPANT_WEIGHTS = (
    "An anonymous workshop counts everyone equally: weighing one member more than the others "
    "would show that member's own input in the results."
)


def coarsened_sectors(sectors: Sequence[str], k: int = K) -> list[str]:
    """Each member's sector as a per-member row may show it: a sector fewer than `k` members
    share is pooled into 'other'; while that pool itself holds fewer than `k` (so the few in
    it could be told apart by elimination), the next smallest sector joins it."""
    counts = Counter(sectors)
    kept = {s for s, n in counts.items() if n >= k and s != POOLED}

    def pooled() -> int:
        return sum(n for s, n in counts.items() if s not in kept)

    while kept and 0 < pooled() < k:
        kept.remove(min(kept, key=lambda s: (counts[s], s)))
    return [s if s in kept else POOLED for s in sectors]


def check_participant_weights_allowed(anonymous: bool, wanted: bool) -> None:
    if anonymous and wanted:
        raise Conflict(NO_PARTICIPANT_WEIGHTS, field="participant_weights")
