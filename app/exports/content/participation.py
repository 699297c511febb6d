"""Who took part: each person by name and sector (pseudonyms only in an anonymous workshop),
people by sector, how many finished, and the sectors nobody spoke for."""

from __future__ import annotations

from app.domain.record import ParticipantInput, participant_inputs
from app.domain.workshop import SECTORS, Workshop
from app.exports.content.context import Context
from app.exports.content.model import Block, Labelled, Paragraph, Section, Table
from app.exports.i18n import _, term
from app.exports.text import clean_line

PLANNING = "collective-action-backbone-planning"


def section(ctx: Context) -> Section:
    w = ctx.record.workshop
    blocks = _people(ctx) if w.participants else [Paragraph(_("Nobody has joined yet."))]
    missing = _missing(ctx, set(w.sectors_present))
    return Section("participation", _("Who took part"), (*blocks, *([missing] if missing else [])))


def _people(ctx: Context) -> list[Block]:
    w = ctx.record.workshop
    present = w.sectors_present
    finished: dict[str, int] = {}
    for p in w.participants:
        finished[p.sector] = finished.get(p.sector, 0) + int(p.submitted)
    table = Table(
        [_("Sector"), _("Took part"), _("Finished their input")],
        [
            [term(SECTORS.get(k, k)), str(n), str(finished.get(k, 0))]
            for k, n in sorted(present.items())
        ],
        numeric=frozenset({1, 2}),
        id="sectors",
        style="narrow",
    )
    people = Table(
        [_("Who"), _("Sector"), _("Finished their input")],
        [
            [
                # An anonymous workshop shows pseudonyms only (P01, P02...), never a name.
                p.ref if w.anonymous else clean_line(p.name),
                term(SECTORS.get(p.sector, p.sector)),
                _("yes") if done else _("no"),
            ]
            for p, done in zip(
                ctx.record.inputs or _refs(w), [x.submitted for x in w.participants], strict=False
            )
        ],
        id="people",
    )
    note = _(
        "{people} took part; {submitted} gave weights and rated every option on every criterion."
    ).format(people=len(w.participants), submitted=ctx.record.results.submitted)
    if w.anonymous:
        note += " " + _("The workshop was anonymous: this document names nobody who took part.")
    return [people, table, Paragraph(note)]


def _refs(w: Workshop) -> list[ParticipantInput]:
    """Pseudonyms for a record that carries no inputs (each person in join order)."""
    return list(participant_inputs(w.participants, {}, {}, {}, {}))


def _missing(ctx: Context, present: set[str]) -> Labelled | None:
    missing = [
        term(label) for key, label in SECTORS.items() if key not in present and key != "other"
    ]
    if not missing:
        return None
    return Labelled(
        _("Sectors not represented"),
        _(
            "{sectors}. The planning guidance asks whether a backbone reflects the community it "
            "serves [{cite}]; the group may want to hear from these sectors before it acts."
        ).format(sectors=", ".join(missing), cite=ctx.cite(PLANNING)),
        id="missing-sectors",
    )
