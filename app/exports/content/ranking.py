"""Ranking: every option by its score, the chosen one marked."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Chart, Section, Table
from app.exports.i18n import _, number, percent
from app.exports.text import clean_line


def section(ctx: Context) -> Section:
    d = ctx.record.workshop.decision
    table = Table(
        [_("Rank"), _("Option"), _("Score (0-100)"), _("Rated on")],
        [
            [
                str(x.rank),
                clean_line(x.name) + (_(" (chosen)") if d and d.option == x.option else ""),
                number(x.score, 1),
                _("{share} of the weight").format(share=percent(x.coverage)),
            ]
            for x in ctx.record.results.ranking
        ],
        numeric=frozenset({0, 2}),
        id="ranking-table",
        style="narrow",
    )
    return Section(
        "ranking", _("Ranking"), (table, Chart("ranking", _("Score of each option out of 100.")))
    )
