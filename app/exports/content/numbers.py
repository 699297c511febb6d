"""The numbers in plain words: each figure the memo relies on, its value, and one line on what it
means, so a reader who never heard of S* or Kendall's W can weigh them."""

from __future__ import annotations

from app.domain.numbers import decimal, percent
from app.exports.content.context import Context
from app.exports.content.model import Paragraph, Section, Table
from app.exports.text import clean_line

MEANS = {
    "score": "The group's weighted ratings on a scale of 0 to 100: 100 would be the best "
    "rating from everyone on every criterion.",
    "consensus": "How alike people weighted the criteria (Goepel's S*): 100% means everyone "
    "gave the same weights; below about 65% the room weighed things quite differently.",
    "concordance": "How alike people ordered the options by their own input (Kendall's W): "
    "0 means no shared order, 1 means everyone put them in the same order.",
    "acceptability": "Rank acceptability: how often the option comes first when the weights are "
    "drawn at random in the way named; a firm first place is well above half the draws.",
    "stability": "How far one criterion's weight can move, the others following, before the top "
    "option loses first place: a narrow range means the result hangs on that weight.",
    "spread": "Spread (standard deviation) of one option's ratings on one criterion: 0 when "
    "everyone gave the same rating, about 2 when the room split between 1 and 5.",
}


def _rows(ctx: Context) -> list[list[str]]:
    record = ctx.record
    w, r, a = record.workshop, record.results, record.analysis
    rows: list[list[str]] = []
    chosen = w.decision.option if w.decision else (r.ranking[0].option if r.ranking else None)
    ranked = next((x for x in r.ranking if x.option == chosen), None)
    if ranked is not None and ranked.coverage > 0:
        label = f"Score of {clean_line(ranked.name)}"
        rows.append([label, f"{decimal(ranked.score, 1)} of 100", MEANS["score"]])
    if a is None:
        return rows
    g = a.agreement
    if g.consensus is not None:
        value = f"{percent(g.consensus)} ({g.consensus_words})"
        rows.append(["Agreement on weights (S*)", value, MEANS["consensus"]])
    if g.kendall_w is not None:
        value = f"{decimal(g.kendall_w, 2)} ({g.kendall_words})"
        rows.append(["Agreement on the order (Kendall's W)", value, MEANS["concordance"]])
    s = a.sensitivity
    for sim in s.simulations if s.available else []:
        row = next((x for x in sim.rows if x.option == chosen), sim.rows[0])
        value = f"{clean_line(row.name)} first in {percent(row.shares[0])} of {sim.samples:,} draws"
        rows.append([f"Rank acceptability: {sim.title.lower()}", value, MEANS["acceptability"]])
    if s.available and s.intervals:
        tight = min(s.intervals, key=lambda iv: iv.upper - iv.lower)
        value = f"{clean_line(tight.name)}: {percent(tight.lower)} to {percent(tight.upper)}"
        rows.append(["Narrowest weight range", value, MEANS["stability"]])
    divided = r.most_divided_cells(1)
    if divided:
        (option, criterion), spread = divided[0]
        where = f"{clean_line(w.option(option).name)} on {clean_line(w.criterion(criterion).name)}"
        rows.append(["Largest spread", f"{decimal(spread.sd, 1)} ({where})", MEANS["spread"]])
    return rows


def section(ctx: Context) -> Section:
    rows = _rows(ctx)
    if not rows:
        note = Paragraph("No figures yet: nobody has rated the options.", "muted")
        return Section("numbers", "The numbers in plain words", (note,))
    table = Table(["Figure", "Value", "What it means"], rows, id="numbers-table")
    return Section("numbers", "The numbers in plain words", (table,))
