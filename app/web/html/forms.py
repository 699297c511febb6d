"""Real HTML forms in one place: reading a posted form, turning its fields into what a use case
takes, running the use case with its domain errors as field messages, and answering a post."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Request
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from app.domain.errors import DomainError
from app.web.errors import retry_after, status_for
from app.web.templating import is_htmx

T = TypeVar("T")


async def read_form(request: Request) -> FormData:
    # Field names come from the workshop or the catalogue (`points.<criterion>`), so the form
    # is read whole here (async) and the routes themselves stay synchronous.
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


@dataclass(frozen=True)
class Attempt(Generic[T]):
    """What a use case run from a form gave: its value, or the message of each failed field
    (`_form` for the form as a whole) and the status to answer with."""

    value: T | None = None
    errors: dict[str, str] = field(default_factory=dict)
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # Retry-After on a 429

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def attempt(action: Callable[[], T]) -> Attempt[T]:
    """Run a use case; a domain error becomes the message beside its field."""
    try:
        return Attempt(action())
    except DomainError as error:
        return Attempt(
            errors={error.field or "_form": error.message},
            status=status_for(error),
            headers=retry_after(error) or {},
        )


def redirect(request: Request, url: str) -> Response:
    """After a successful form post: a full redirect, or HX-Redirect for htmx."""
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def set_cookie(response: Response, name: str, value: str, days: int, secure: bool) -> Response:
    """A sign-in cookie: HTTP only, sent with top-level navigation from elsewhere (lax)."""
    response.set_cookie(
        name, value, max_age=days * 86400, httponly=True, samesite="lax", secure=secure
    )
    return response


# Reading fields. What is not a number is passed on as typed, for the domain to refuse with
# a message naming the field: the form itself never decides what is valid.


def texts(form: FormData, names: Iterable[str]) -> dict[str, str]:
    """The named text fields as typed ('' when absent)."""
    return {name: str(form.get(name) or "") for name in names}


def fields(form: FormData, prefix: str) -> dict[str, str]:
    """Every field named `<prefix>.<key>`, by key, as typed."""
    start = prefix + "."
    return {k[len(start) :]: str(v) for k, v in form.items() if k.startswith(start)}


def number(raw: str) -> Any:
    """'3' -> 3, '2.5' -> 2.5; anything else as typed."""
    text = raw.strip()
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def numbers(form: FormData, prefix: str, empty: Any = None) -> dict[str, Any]:
    """The numbers in fields `<prefix>.<key>`; an empty field is `empty`, or left out if None."""
    out: dict[str, Any] = {}
    for key, raw in fields(form, prefix).items():
        if raw.strip():
            out[key] = number(raw)
        elif empty is not None:
            out[key] = empty
    return out


def ratings(form: FormData) -> tuple[dict[str, Any], dict[str, str]]:
    """One option's form: the ratings given (`rating.<criterion>`, whole numbers or as typed)
    and the comment beside each rated criterion (`comment.<criterion>`)."""
    given = {k: v.strip() for k, v in fields(form, "rating").items() if v.strip()}
    scores = {k: int(v) if v.isdigit() else v for k, v in given.items()}
    comments = {k: str(form.get(f"comment.{k}") or "") for k in scores}
    return scores, comments


def saaty(raw: str) -> float | str:
    """'3' -> 3.0 and '1/3' -> 0.333...; anything else is passed on for the domain to refuse."""
    text = raw.strip()
    try:
        if text.startswith("1/"):
            return 1 / float(text[2:])
        return float(text)
    except (ValueError, ZeroDivisionError):
        return text


def sided_pairs(form: FormData) -> dict[str, str]:
    """The pairwise form's radio buttons as Saaty values: `side.<pair>` (first, equal or
    second) with `strength.<pair>` (2-9) -> '3', '1' or '1/3'; a side without a strength is
    passed on as typed, for the domain to refuse."""
    out: dict[str, str] = {}
    for pair, side in fields(form, "side").items():
        strength = str(form.get(f"strength.{pair}") or "").strip()
        if side == "equal":
            out[pair] = "1"
        elif side in ("first", "second") and strength:
            out[pair] = strength if side == "first" else f"1/{strength}"
        else:
            out[pair] = side
    return out


def judgments(form: FormData) -> list[dict[str, Any]]:
    """Pairwise judgments from fields `pair.<first>.<second>` (or the side and strength
    radio buttons) that have a value."""
    out: list[dict[str, Any]] = []
    for pair, raw in (fields(form, "pair") | sided_pairs(form)).items():
        first, _, second = pair.partition(".")
        if raw:
            out.append({"first": first, "second": second, "value": saaty(raw)})
    return out


def method_changes(form: FormData) -> tuple[dict[str, object], dict[int, object]]:
    """The method form: the choices made, and how much each participant counts (`pw.<id>`)."""
    names = ("elicitation", "rank_method", "weight_aggregation", "rating_aggregation")
    changes: dict[str, object] = {k: str(form[k]) for k in names if form.get(k)}
    changes["participant_weights"] = form.get("participant_weights") == "on"
    weights = {int(k): number(v) for k, v in fields(form, "pw").items() if k.isdigit()}
    return changes, weights


def budget_lines(
    form: FormData, reference: Iterable[str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The budget form, one line per row: reference lines by key, the plan's added lines (an
    added line left empty is removed), and the new line if any. With each line, the name of
    the input it came from, so an error on `lines[i]` lands beside that input."""
    known = set(reference)
    lines: list[dict[str, Any]] = []
    names: list[str] = []
    added = fields(form, "label")
    for key, amount in fields(form, "amount").items():
        if key in known:
            lines.append({"key": key, "amount": amount})
        elif key in added and amount.strip():
            lines.append({"key": key, "label": added[key], "amount": amount.strip()})
        else:
            continue
        names.append(f"amount.{key}")
    new_label = str(form.get("new_label") or "").strip()
    new_amount = str(form.get("new_amount") or "").strip()
    if new_label or new_amount:
        lines.append({"label": new_label, "amount": new_amount})
        names.append("new_amount")
    return lines, names


def budget_adjustment(form: FormData) -> dict[str, str] | None:
    """The budget form's price year and factor, or None when the form has no such inputs
    (the plan then keeps the ones it has)."""
    if "adjustment.year" not in form:
        return None
    return {k: str(form.get(f"adjustment.{k}") or "").strip() for k in ("year", "factor")}


def field_of_line(error_field: str, names: list[str]) -> str:
    """`lines[3].amount` -> the name of the input it came from."""
    if error_field.startswith("lines[") and "]" in error_field:
        index = int(error_field[6 : error_field.index("]")])
        name = names[index] if index < len(names) else "_form"
        return "new_label" if error_field.endswith(".label") else name
    return error_field


DECISION_FIELDS = ("option", "rationale", "departure_reason", "agreement", "dissent", "conditions")
# The decision form's rows (a fixed number of them, so the form works without JavaScript).
DECISION_ROWS = {
    "risks": (("text", "owner", "due"), 3),
    "next_steps": (("text", "owner", "due"), 3),
    "approvers": (("name", "title"), 2),
}


def decision_form(form: FormData) -> tuple[dict[str, str], dict[str, list[dict[str, str]]]]:
    """The decision form's fields as typed, and its rows: `risks-1-text`, `risks-1-owner`...
    as {"risks": [{"text", "owner", "due"}, ...], "next_steps": [...], "approvers": [...]}."""
    names = [
        f"{group}-{i}-{key}"
        for group, (keys, count) in DECISION_ROWS.items()
        for i in range(1, count + 1)
        for key in keys
    ]
    typed = texts(form, (*DECISION_FIELDS, "review_on", *names))
    rows = {
        group: [{key: typed[f"{group}-{i}-{key}"] for key in keys} for i in range(1, count + 1)]
        for group, (keys, count) in DECISION_ROWS.items()
    }
    return typed, rows
