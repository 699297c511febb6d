"""Rounds of rating: each round's top option and agreement, and who changed which rating
between rounds (shown only when the facilitator opened a second round)."""

from __future__ import annotations

from app.domain.rounds import RoundChange
from app.exports.content.context import Context
from app.exports.content.model import Paragraph, Section, Table
from app.exports.i18n import _, ngettext, number
from app.exports.text import clean_line

SHOWN = 10


def _change_sentence(change: RoundChange) -> str:
    moved = change.moved_total
    verdict = {
        None: _("agreement could not be compared (too few complete sets of ratings)"),
        "rose": _("agreement rose"),
        "fell": _("agreement fell"),
        "unchanged": _("agreement stayed the same"),
    }[change.agreement_trend]
    return ngettext(
        "From round {before} to round {after}, {moved} rating changed; {verdict}.",
        "From round {before} to round {after}, {moved} ratings changed; {verdict}.",
        moved,
    ).format(before=change.before, after=change.after, moved=moved, verdict=verdict)


def section(ctx: Context) -> Section | None:
    rounds = ctx.record.rounds
    if rounds is None or not rounds.several:
        return None
    w = ctx.record.workshop
    summary = Table(
        [_("Round"), _("Ranked first"), _("Agreement (Kendall's W)"), _("Spread"), _("Raters")],
        [
            [
                str(r.number) + ("" if r.closed_at else _(" (last)")),
                clean_line(r.ranking[0].name) if r.ranking else "–",
                number(r.kendall_w, 2) if r.kendall_w is not None else "–",
                number(r.spread, 2) if r.spread is not None else "–",
                str(r.raters),
            ]
            for r in rounds.rounds
        ],
        numeric=frozenset({2, 3, 4}),
        id="rounds",
    )
    ranks = Table(
        [_("Option")] + [_("Rank in round {n}").format(n=r.number) for r in rounds.rounds],
        [
            [clean_line(o.name)]
            + [
                next((str(x.rank) for x in r.ranking if x.option == o.key), "–")
                for r in rounds.rounds
            ]
            for o in w.options
        ],
        numeric=frozenset(range(1, len(rounds.rounds) + 1)),
        id="rounds-ranks",
    )
    blocks: list[Paragraph | Table] = [
        Paragraph(
            _(
                "After discussing the results, the group rated again. Every round is kept as it "
                "stood; each is scored by the default method (mean weights, mean ratings, weighted "
                "sum). Kendall's W runs from 0 (no shared ordering of the options) to 1 (everyone "
                "orders them alike); the spread is the average standard deviation of a cell's "
                "ratings."
            )
        ),
        summary,
        ranks,
    ]
    for change in rounds.changes:
        blocks.append(Paragraph(_change_sentence(change)))
        moved = sorted(change.moved.items(), key=lambda item: -item[1])[:SHOWN]
        if moved:
            blocks.append(
                Table(
                    [_("Option"), _("Criterion"), _("People who changed their rating")],
                    [
                        [clean_line(w.option(o).name), clean_line(w.criterion(c).name), str(n)]
                        for (o, c), n in moved
                    ],
                    numeric=frozenset({2}),
                    id=f"moved-{change.after}",
                )
            )
    return Section("rounds", _("Rounds of rating"), tuple(blocks))
