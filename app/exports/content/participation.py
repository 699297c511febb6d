"""Who took part: people by sector, how many finished, and the sectors nobody spoke for."""

from __future__ import annotations

from app.domain.workshop import SECTORS
from app.exports.content.context import Context
from app.exports.content.model import Block, Labelled, Paragraph, Section, Table

PLANNING = "collective-action-backbone-planning"


def section(ctx: Context) -> Section:
    w = ctx.record.workshop
    blocks = _people(ctx) if w.participants else [Paragraph("Nobody has joined yet.")]
    missing = _missing(ctx, set(w.sectors_present))
    return Section("participation", "Who took part", (*blocks, *([missing] if missing else [])))


def _people(ctx: Context) -> list[Block]:
    w = ctx.record.workshop
    present = w.sectors_present
    finished: dict[str, int] = {}
    for p in w.participants:
        finished[p.sector] = finished.get(p.sector, 0) + int(p.submitted)
    table = Table(
        ["Sector", "Took part", "Finished their input"],
        [[SECTORS.get(k, k), str(n), str(finished.get(k, 0))] for k, n in sorted(present.items())],
        numeric=frozenset({1, 2}),
        id="sectors",
        style="narrow",
    )
    note = (
        f"{len(w.participants)} took part; {ctx.record.results.submitted} gave weights and "
        "rated every option on every criterion."
    )
    if w.anonymous:
        note += " The workshop was anonymous: this document names nobody who took part."
    return [table, Paragraph(note)]


def _missing(ctx: Context, present: set[str]) -> Labelled | None:
    missing = [label for key, label in SECTORS.items() if key not in present and key != "other"]
    if not missing:
        return None
    return Labelled(
        "Sectors not represented",
        f"{', '.join(missing)}. The planning guidance asks whether a backbone reflects the "
        f"community it serves [{ctx.cite(PLANNING)}]; the group may want to hear from these "
        "sectors before it acts.",
        id="missing-sectors",
    )
