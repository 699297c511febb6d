"""Ranking: every option by its score, the chosen one marked."""

from __future__ import annotations

from app.domain.numbers import decimal, percent
from app.exports.content.context import Context
from app.exports.content.model import Chart, Section, Table
from app.exports.text import clean_line


def section(ctx: Context) -> Section:
    d = ctx.record.workshop.decision
    table = Table(
        ["Rank", "Option", "Score (0-100)", "Rated on"],
        [
            [
                str(x.rank),
                clean_line(x.name) + (" (chosen)" if d and d.option == x.option else ""),
                decimal(x.score, 1),
                percent(x.coverage) + " of the weight",
            ]
            for x in ctx.record.results.ranking
        ],
        numeric=frozenset({0, 2}),
        id="ranking-table",
        style="narrow",
    )
    return Section(
        "ranking", "Ranking", (table, Chart("ranking", "Score of each option out of 100."))
    )
