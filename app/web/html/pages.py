"""What the page routes share, as dependencies: `WorkshopPage` for a facilitator's workshop
pages and `ParticipantPage` for a participant's. Each renders its page again after a failed
form (422 with the input kept) and answers a successful one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlmodel import Session
from starlette.responses import Response

from app.domain.catalogue import Catalogue
from app.domain.errors import NotFound
from app.domain.progress import RatingSteps, rating_steps
from app.domain.workshop import POINTS_TOTAL, can_edit_items
from app.services import followup, participant_page, room, rounds, workshops
from app.services.accounts import Facilitator
from app.services.participant_page import MyPage
from app.services.participation import ParticipantIdentity
from app.web.deps import (
    RESUME_COOKIE,
    CatalogueDep,
    PageFacilitator,
    PageParticipant,
    SessionDep,
)
from app.web.html.forms import Attempt, attempt, redirect
from app.web.qr import join_link
from app.web.templating import is_htmx, render


@dataclass(frozen=True)
class WorkshopPage:
    """A facilitator's workshop pages: the list of workshops and one workshop's page."""

    request: Request
    me: Facilitator
    session: Session
    catalogue: Catalogue

    def render_list(
        self, values: dict[str, Any] | None = None, done: Attempt[Any] | None = None
    ) -> Response:
        """The list of workshops with the form that opens one (as typed, after a failure)."""
        context = {
            "me": self.me,
            "workshops": workshops.list_workshops(self.session, self.me.id),
            "templates": self.catalogue.templates,
            "values": values or {"template": "quick"},
            "errors": done.errors if done else {},
        }
        return render(self.request, "pages/workshops.html", context, done.status if done else 200)

    def render(
        self,
        workshop_id: int,
        errors: dict[str, str] | None = None,
        status: int = 200,
        **kept: dict[str, str],
    ) -> Response:
        """The workshop page; `kept` holds what a failed form had typed (details, new_item,
        decision)."""
        view, room_view = room.console_view(self.session, self.me.id, workshop_id)
        w, r = view.workshop, view.results
        context: dict[str, Any] = {
            "me": self.me,
            "w": w,
            "view": view,
            "r": r,
            "join_link": join_link(self.request, w.join_code),
            "room": room_view,
            "rounds": room.console_rounds(room_view),
            "errors": errors or {},
            "details": kept.get("details")
            or {"title": w.title, "convener": w.convener, "goal": w.goal},
            "new_item": kept.get("new_item") or {},
            "decision_values": kept.get("decision")
            or {"option": (r.top_options or [""])[0], "agreement": "consensus"},
            # Criteria and options are fixed once anyone has weighed or rated.
            "can_edit_items": can_edit_items(w.stage, r.has_input),
            "follow_up": followup.follow_up_of(self.session, self.me.id, workshop_id)
            if w.decision or w.supersedes
            else None,
        }
        return render(self.request, "pages/workshop.html", context, status_code=status)

    def save(
        self, workshop_id: int, action: Callable[[], object], anchor: str = "", **kept: Any
    ) -> Response:
        """Run one use case; back to the page (at `anchor`), or the page again with the
        input kept."""
        done = attempt(action)
        if done.failed:
            return self.render(workshop_id, done.errors, done.status, **kept)
        return redirect(
            self.request, f"/workshops/{workshop_id}" + (f"#{anchor}" if anchor else "")
        )


def workshop_page(
    request: Request, me: PageFacilitator, session: SessionDep, catalogue: CatalogueDep
) -> WorkshopPage:
    return WorkshopPage(request, me, session, catalogue)


WorkshopPageDep = Annotated[WorkshopPage, Depends(workshop_page)]

PARTIALS = {
    "weights": "partials/participate/_weights.html",
    "option": "partials/participate/_option_scores.html",
    "criterion": "partials/participate/_criterion_scores.html",
}


def steps_of(page: MyPage, requested: str = "") -> RatingSteps:
    """Where the participant stands in the ratings, in the order the facilitator chose."""
    w = page.mine.workshop
    return rating_steps(
        str(w.settings.get("rating_order", "option")),
        [o.key for o in w.options],
        [c.key for c in w.criteria],
        page.mine.ratings,
        requested,
    )


@dataclass(frozen=True)
class ParticipantPage:
    """A participant's page at /w/{id}: the whole page, or one of its forms alone for htmx."""

    request: Request
    me: ParticipantIdentity
    session: Session
    workshop_id: int

    def render(
        self, page: MyPage, errors: dict[str, str] | None = None, status: int = 200, **extra: Any
    ) -> Response:
        requested = extra.pop("step", "") or extra.get("option_key") or extra.get("criterion_key")
        context = {
            "w": page.mine.workshop,
            "mine": page.mine,
            "el": page.elicitation,
            "errors": errors or {},
            "total": POINTS_TOTAL,
            # The room: countdown and results once shown, and the round before beside each cell.
            "phone": room.phone_view(self.session, self.me, self.workshop_id),
            "rc": self.round_context(page),
            "steps": steps_of(page, requested or ""),
            "resume_code": self.request.cookies.get(RESUME_COOKIE),
            "welcome": False,
            "saved_step": "",
            **extra,
        }
        # A plain form's save of the weights comes back here: the form says it saved.
        context.setdefault("saved", context["saved_step"] == "weights")
        return render(self.request, "pages/participate.html", context, status_code=status)

    def section(
        self,
        page: MyPage,
        part: str,
        errors: dict[str, str] | None = None,
        status: int = 200,
        anchor: str = "",
        **extra: Any,
    ) -> Response:
        """One form again: alone for htmx; without JavaScript, the whole page after a
        failure and back to the page (at `anchor`) after a success."""
        if not is_htmx(self.request):
            if status == 200:
                # Back where the participant was, saying it saved.
                target = f"/w/{self.workshop_id}?saved={part}#{anchor or part}"
                return redirect(self.request, target)
            return self.render(page, errors, status, **extra)
        w = page.mine.workshop
        option = criterion = None
        if part == "option":
            option = next((o for o in w.options if o.key == extra["option_key"]), None)
            if option is None:
                raise NotFound(f"No option '{extra['option_key']}' in this workshop.")
        if part == "criterion":
            criterion = next((c for c in w.criteria if c.key == extra["criterion_key"]), None)
            if criterion is None:
                raise NotFound(f"No criterion '{extra['criterion_key']}' in this workshop.")
        context = {
            "w": w,
            "mine": page.mine,
            "el": page.elicitation,
            "errors": errors or {},
            "total": POINTS_TOTAL,
            "o": option,
            "rc": self.round_context(page) if part == "option" else None,
            "c": criterion,
            "steps": steps_of(page),
            # The step list follows each save, out of band: "3 of 7 rated" stays true.
            "oob_steps": part in ("option", "criterion"),
            **extra,
        }
        return render(self.request, PARTIALS[part], context, status_code=status)

    def round_context(self, page: MyPage) -> rounds.RoundContext | None:
        """The round before, beside each cell: read only from the second round on, so a save
        in the first round stays one transaction."""
        if page.mine.workshop.round <= 1:
            return None
        return rounds.round_context(self.session, self.me, self.workshop_id)

    def show(self) -> MyPage:
        return participant_page.show(self.session, self.me, self.workshop_id)

    def save_weights(
        self, action: Callable[[], MyPage], anchor: str = "", **typed: Any
    ) -> Response:
        """A weights form (points, ranks, swing, pairwise): saved, or shown again as typed."""
        done = attempt(action)
        if done.value is None:
            return self.section(self.show(), "weights", done.errors, done.status, **typed)
        return self.section(done.value, "weights", anchor=anchor, saved=True)

    def save_step(
        self,
        part: str,
        key: str,
        action: Callable[[], MyPage],
        typed: dict[str, Any],
        go_next: bool,
    ) -> Response:
        """One rating step (an option, or a criterion): saved, or shown again as typed. A save
        as one goes (htmx, on each choice) answers the step itself; "Save and continue", and
        every save without JavaScript, goes to the next open step, saying it was saved."""
        named: dict[str, Any] = {f"{part}_key": key}
        done = attempt(action)
        if done.value is None:
            return self.section(self.show(), part, done.errors, done.status, typed=typed, **named)
        if go_next or not is_htmx(self.request):
            after = steps_of(done.value).after(key)
            target = f"/w/{self.workshop_id}?step={after}&saved={key}#rate"
            return redirect(self.request, target)
        return self.section(done.value, part, saved=True, **named)


def participant_page_of(
    request: Request, me: PageParticipant, session: SessionDep, workshop_id: int
) -> ParticipantPage:
    return ParticipantPage(request, me, session, workshop_id)


ParticipantPageDep = Annotated[ParticipantPage, Depends(participant_page_of)]
