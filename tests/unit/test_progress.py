"""A participant's rating steps: which are complete, which to show, where 'Save and continue'
goes, in both orders (one option, or one criterion, at a time)."""

from __future__ import annotations

from app.domain.progress import DONE, rating_steps

OPTIONS = ("a", "b", "c")
CRITERIA = ("x", "y")


def test_rating_steps_start_at_the_first_option_not_complete():
    steps = rating_steps("option", OPTIONS, CRITERIA, {"a": {"x": 3, "y": 4}, "b": {"x": 2}})
    assert steps.done == {"a"} and steps.current == "b" and steps.count_done == 1


def test_rating_steps_by_criterion_need_every_option_rated_on_it():
    ratings = {o: {"x": 3} for o in OPTIONS} | {"a": {"x": 3, "y": 1}}
    steps = rating_steps("criterion", OPTIONS, CRITERIA, ratings)
    assert steps.steps == CRITERIA and steps.done == {"x"} and steps.current == "y"


def test_rating_steps_after_goes_on_then_wraps_to_what_is_open_then_done():
    steps = rating_steps("option", OPTIONS, CRITERIA, {"c": {"x": 1, "y": 1}})
    assert steps.after("a") == "b"
    assert steps.after("b") == "a"  # c is complete: back to the open one
    complete = {o: {"x": 1, "y": 1} for o in OPTIONS}
    assert rating_steps("option", OPTIONS, CRITERIA, complete).after("c") == DONE


def test_rating_steps_requested_step_wins_and_unknown_is_ignored():
    assert rating_steps("option", OPTIONS, CRITERIA, {}, "c").current == "c"
    assert rating_steps("option", OPTIONS, CRITERIA, {}, "nope").current == "a"
    assert rating_steps("sideways", OPTIONS, CRITERIA, {}).order == "option"
