"""The room's shared state: the countdown and the counts by sector."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import InvalidInput
from app.domain.room import check_timer_seconds, missing_sectors, sector_counts, timer_at
from app.domain.workshop import Participant

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)


def person(pid: int, sector: str, submitted: bool = False) -> Participant:
    return Participant(pid, f"P{pid}", sector, submitted, NOW)


def test_timer_at_counts_whole_seconds_left_rounding_up():
    timer = timer_at(NOW + timedelta(seconds=90.2), NOW)
    assert timer is not None and timer.remaining == 91 and timer.clock == "1:31"


def test_timer_at_stops_at_zero_once_run_out():
    timer = timer_at(NOW - timedelta(seconds=5), NOW)
    assert timer is not None and timer.remaining == 0 and not timer.running


def test_timer_at_is_none_without_a_deadline():
    assert timer_at(None, NOW) is None


@pytest.mark.parametrize("value", [9, 10801, "60", float("nan"), True])
def test_check_timer_seconds_refuses_out_of_range_or_not_a_number(value):
    with pytest.raises(InvalidInput) as raised:
        check_timer_seconds(value)
    assert raised.value.field == "seconds"


def test_sector_counts_joined_and_finished_in_catalogue_order():
    counts = sector_counts(
        [person(1, "funder", True), person(2, "government"), person(3, "funder")]
    )
    assert [(s.key, s.joined, s.finished) for s in counts] == [
        ("government", 1, 0),
        ("funder", 2, 1),
    ]


def test_missing_sectors_names_absent_sectors_but_never_other():
    missing = missing_sectors([person(1, "funder"), person(2, "other")])
    assert "Funder" not in missing and "Other" not in missing and "Government" in missing
